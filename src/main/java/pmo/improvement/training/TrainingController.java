package pmo.improvement.training;

import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.Roles;
import pmo.platform.engine.CurrentActor;

/**
 * Training over REST: the courses (everybody), completions recorded by the PMO one by one or as a CSV upload
 * ({@code text/csv}, all lines or none), completions listed (the PMO and auditors all, everybody else their own) and one
 * person's training (the PMO, auditors and the person).
 */
@RestController
@RequestMapping("/api/training")
class TrainingController {

  private final TrainingService training;
  private final TrainingRegister register;
  private final CurrentActor actor;

  TrainingController(TrainingService training, TrainingRegister register, CurrentActor actor) {
    this.training = training;
    this.register = register;
    this.actor = actor;
  }

  @GetMapping("/courses")
  List<TrainingRegister.CourseInfo> courses() {
    return register.courses();
  }

  @PostMapping("/completions")
  @PreAuthorize("hasAuthority('" + Roles.PMO + "')")
  ResponseEntity<Completion> record(@RequestBody NewCompletion completion) {
    Completion created = training.record(completion);
    return ResponseEntity.created(URI.create("/api/training/completions?person=" + created.person())).body(created);
  }

  @PostMapping(value = "/completions/csv", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  @PreAuthorize("hasAuthority('" + Roles.PMO + "')")
  TrainingService.Upload upload(@RequestBody String csv) {
    return training.recordAll(TrainingCsv.parse(csv));
  }

  @GetMapping("/completions")
  Page<Completion> list(@RequestParam(required = false) String person,
      @RequestParam(required = false) String courseId, @RequestParam(required = false) String expiringBefore,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return register.list(person, courseId, expiringBefore, PageRequest.of(page, size), actor.viewer());
  }

  @GetMapping("/people/{person}")
  TrainingRegister.PersonTraining person(@PathVariable String person) {
    return register.person(person, actor.viewer());
  }
}
