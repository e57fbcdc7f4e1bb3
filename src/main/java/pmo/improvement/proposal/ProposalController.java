package pmo.improvement.proposal;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.engine.CurrentActor;

/**
 * Improvement proposals over REST: submit one (anybody; it starts its process in the caller's name, as the Tasklist
 * start form does), list and read them (the PMO, process owners and auditors all, everybody else their own), and the
 * quarter's leaderboard of recognition points (everybody).
 */
@RestController
@RequestMapping("/api/improvement")
class ProposalController {

  /** The body of a submission; {@code lessonIds} are the ids of the lessons learned it came from. */
  record Submission(String title, String problem, String proposal, String expectedBenefit, String concerns,
      Long projectId, List<Long> lessonIds) {
  }

  private final ProposalService proposals;
  private final ProposalRegister register;
  private final Recognition recognition;
  private final CurrentActor actor;

  ProposalController(ProposalService proposals, ProposalRegister register, Recognition recognition,
      CurrentActor actor) {
    this.proposals = proposals;
    this.register = register;
    this.recognition = recognition;
    this.actor = actor;
  }

  @PostMapping("/proposals")
  ResponseEntity<Proposal> submit(@RequestBody Submission s) {
    String lessons = s.lessonIds() == null || s.lessonIds().isEmpty() ? null
        : s.lessonIds().stream().map(String::valueOf).collect(Collectors.joining(", "));
    Proposal created = proposals.submit(new ProposalDraft(s.title(), s.problem(), s.proposal(), s.expectedBenefit(),
        s.concerns(), s.projectId(), lessons));
    return ResponseEntity.created(URI.create("/api/improvement/proposals/" + created.id())).body(created);
  }

  @GetMapping("/proposals")
  Page<Proposal> list(@RequestParam(required = false) ProposalStatus status,
      @RequestParam(required = false) String concerns, @RequestParam(required = false) String proposer,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return register.list(status, concerns, proposer, PageRequest.of(page, size), actor.viewer());
  }

  @GetMapping("/proposals/{id}")
  Proposal get(@PathVariable long id) {
    return register.get(id, actor.viewer());
  }

  @GetMapping("/leaderboard")
  Recognition.Leaderboard leaderboard(@RequestParam(required = false) String quarter) {
    return recognition.leaderboard(quarter);
  }
}
