package pmo.project;

import java.net.URI;
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

/** The project registry over REST. Projects normally come from approved intakes; the PMO may register directly. */
@RestController
@RequestMapping("/api/projects")
class ProjectController {

  private final ProjectService projects;

  ProjectController(ProjectService projects) {
    this.projects = projects;
  }

  @GetMapping
  Page<Project> list(@RequestParam(required = false) Stage stage,
      @RequestParam(required = false) ProjectStatus status,
      @RequestParam(required = false) String manager,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) Long after) {
    return projects.list(new ProjectFilter(stage, status, manager, category), PageRequest.of(page, size, after));
  }

  @GetMapping("/{id}")
  ProjectDetails get(@PathVariable long id) {
    return projects.get(id);
  }

  /** The project's RAG as its status reports set it, oldest first. */
  @GetMapping("/{id}/rag-history")
  java.util.List<RagChange> ragHistory(@PathVariable long id) {
    return projects.ragHistory(id);
  }

  @PostMapping
  @PreAuthorize("hasAnyAuthority('" + Roles.PMO + "', '" + Roles.ADMIN + "')")
  ResponseEntity<ProjectDetails> register(@RequestBody NewProject command) {
    ProjectDetails created = projects.register(command);
    return ResponseEntity.created(URI.create("/api/projects/" + created.project().id())).body(created);
  }
}
