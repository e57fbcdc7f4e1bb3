package pmo.risk;

import java.net.URI;
import java.util.List;
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
 * The risk register over REST: paged, filtered lists; one risk with its assessment history and escalations; the 5×5
 * heat map of a project or the portfolio; raising an assessed risk (PMO, project managers) and raising the risks of
 * an identification meeting in one go (PMO).
 */
@RestController
@RequestMapping("/api/risks")
class RiskController {

  /** The body of a bulk request: the project and its risks. */
  record BulkRequest(Long projectId, List<RiskRow> risks) {
  }

  private final RiskRegister register;
  private final RiskRaising raising;
  private final CurrentActor actor;

  RiskController(RiskRegister register, RiskRaising raising, CurrentActor actor) {
    this.register = register;
    this.raising = raising;
    this.actor = actor;
  }

  @GetMapping
  Page<Risk> list(@RequestParam(required = false) Long projectId,
      @RequestParam(required = false) RiskLevel level,
      @RequestParam(required = false) RiskStatus status,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) Long after) {
    return register.list(new RiskFilter(projectId, level, status, owner, category, overdue),
        PageRequest.of(page, size, after), actor.viewer());
  }

  @GetMapping("/heat-map")
  HeatMap heatMap(@RequestParam(required = false) Long projectId) {
    return register.heatMap(projectId, actor.viewer());
  }

  @GetMapping("/{id}")
  RiskDetails get(@PathVariable long id) {
    return register.details(id, actor.viewer());
  }

  @PostMapping
  @PreAuthorize("hasAnyAuthority('" + Roles.PMO + "', '" + Roles.PROJECT_MANAGERS + "')")
  ResponseEntity<Risk> raise(@RequestBody NewRisk risk) {
    Risk created = raising.raise(risk);
    return ResponseEntity.created(URI.create("/api/risks/" + created.id())).body(created);
  }

  @PostMapping("/bulk")
  @PreAuthorize("hasAuthority('" + Roles.PMO + "')")
  RiskRaising.BulkResult raiseAll(@RequestBody BulkRequest request) {
    return raising.raiseAll(request.projectId(), request.risks());
  }
}
