package pmo.migration;

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

/**
 * Migration of running instances between versions of a process, for process owners and administrators only: plan
 * (generated mapping, overridable, validated), execute (a batch), the history and the state of each migration.
 */
@RestController
@RequestMapping("/api/migrations")
@PreAuthorize("hasAnyAuthority('" + Roles.PROCESS_OWNERS + "', '" + Roles.ADMIN + "')")
class MigrationController {

  private final MigrationService migrations;
  private final MigrationProgress progress;
  private final ProcessVersions versions;

  MigrationController(MigrationService migrations, MigrationProgress progress, ProcessVersions versions) {
    this.migrations = migrations;
    this.progress = progress;
    this.versions = versions;
  }

  /** The processes with their versions and the instances running on each. */
  @GetMapping("/processes")
  List<ProcessVersions.Process> processes() {
    return versions.all();
  }

  /** The plan and what stands in its way ({@code valid: false} with the reasons); nothing is changed. */
  @PostMapping("/plan")
  PlanReport plan(@RequestBody MigrationCommand command) {
    return migrations.plan(command);
  }

  @PostMapping
  ResponseEntity<MigrationState> execute(@RequestBody MigrationCommand command) {
    Migration executed = migrations.execute(command);
    return ResponseEntity.created(URI.create("/api/migrations/" + executed.id())).body(state(executed.id()));
  }

  @GetMapping
  Page<Migration> history(@RequestParam(required = false) String processKey,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return migrations.history(processKey, PageRequest.of(page, size));
  }

  @GetMapping("/{id}")
  MigrationState state(@PathVariable long id) {
    return progress.of(migrations.get(id), migrations.instancesOf(id));
  }
}
