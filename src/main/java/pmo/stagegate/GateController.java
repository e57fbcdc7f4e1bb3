package pmo.stagegate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import pmo.platform.engine.CurrentActor;

/** A project's gate history over REST: every gate with its packages, must-meet checks, scores and decisions. */
@RestController
class GateController {

  private final GateHistory gates;
  private final CurrentActor actor;

  GateController(GateHistory gates, CurrentActor actor) {
    this.gates = gates;
    this.actor = actor;
  }

  @GetMapping("/api/projects/{id}/gates")
  ProjectGates gates(@PathVariable long id) {
    return gates.history(id, actor.viewer());
  }
}
