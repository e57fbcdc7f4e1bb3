package pmo.change;

import java.math.BigDecimal;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pmo.platform.Choices;
import pmo.platform.InputErrors;
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
  ResponseEntity<ChangeRequestDetails> raise(@RequestBody RaisedChange body) {
    ChangeRequest created = requests.raise(body.draft(), actor.id());
    return ResponseEntity.created(URI.create("/api/change-requests/" + created.id()))
        .body(requests.details(created.id(), actor.viewer()));
  }

  /**
   * A change request as a REST client sends it: the draft's fields, with the change type and the quality impact as
   * the start form's values (or the constants' names, as this API writes them). Both are read into their choices here,
   * once, and a wrong one is named with the allowed values, both at once when both are wrong; a missing one is left to
   * the draft's own checks.
   */
  record RaisedChange(Long projectId, String title, String description, String reason, String changeType,
      BigDecimal costDelta, Integer scheduleDeltaDays, String scopeChange, String qualityImpact, String riskNotes) {

    ChangeRequestDraft draft() {
      InputErrors errors = new InputErrors();
      ChangeType type = blank(changeType) ? null
          : Choices.check(errors, ChangeType.class, changeType, ChangeRequestProcess.CHANGE_TYPE.name());
      QualityImpact quality = blank(qualityImpact) ? null
          : Choices.check(errors, QualityImpact.class, qualityImpact, ChangeRequestProcess.QUALITY_IMPACT.name());
      errors.throwIfAny();
      return new ChangeRequestDraft(projectId, title, description, reason, type, costDelta, scheduleDeltaDays,
          scopeChange, quality, riskNotes);
    }

    private static boolean blank(String value) {
      return value == null || value.isBlank();
    }
  }
}
