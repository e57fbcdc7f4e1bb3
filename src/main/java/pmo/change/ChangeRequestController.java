package pmo.change;

import java.net.URI;
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

/** Change requests over REST: list with filters and paging, one with its approvals and history, raise one. */
@RestController
@RequestMapping("/api/change-requests")
class ChangeRequestController {

  private final ChangeRequestService requests;
  private final CurrentActor actor;

  ChangeRequestController(ChangeRequestService requests, CurrentActor actor) {
    this.requests = requests;
    this.actor = actor;
  }

  @GetMapping
  Page<ChangeRequest> list(@RequestParam(required = false) Long projectId,
      @RequestParam(required = false) ChangeStatus status,
      @RequestParam(required = false) ChangeType type,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) Long after) {
    return requests.list(new ChangeRequestFilter(projectId, status, type), PageRequest.of(page, size, after),
        actor.viewer());
  }

  @GetMapping("/{id}")
  ChangeRequestDetails get(@PathVariable long id) {
    return requests.details(id, actor.viewer());
  }

  /** Raises a change request as the calling user; checked as the Tasklist start form is. */
  @PostMapping
  ResponseEntity<ChangeRequestDetails> raise(@RequestBody ChangeRequestDraft draft) {
    ChangeRequest created = requests.raise(draft, actor.id());
    return ResponseEntity.created(URI.create("/api/change-requests/" + created.id()))
        .body(requests.details(created.id(), actor.viewer()));
  }
}
