package pmo.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.migration.PlanReport.Definition;
import pmo.migration.PlanReport.Problem;
import pmo.platform.InputErrors;
import pmo.platform.NotFoundException;
import pmo.platform.engine.SystemActions;

/**
 * Builds and checks a migration plan with Camunda's migration API: the generated mapping (equal activity ids), the
 * caller's instructions in place of the generated ones for the same source activity, then three checks: the engine's
 * plan validation, the activities where instances wait that no instruction maps (counted for all instances of the
 * source version, when all of them move), and the engine's validation of each instance that would move, found by
 * migrating them in a transaction that is always rolled back (the engine has no dry run of its own).
 *
 * <p>Definitions, instances and the plan are read as the signed-in user (the engine's authorizations apply); the dry
 * run migrates as the system, as {@link MigrationService} does: the API's role check is the gate.
 *
 * <p>Longer than 200 lines: the command's field checks, the look-ups of definitions and instances, and the three
 * checks above belong to one plan and share its state; split, each part would take the same six arguments.
 */
@Component
class MigrationPlanner {

  /** The instances a plan is tried on at most; the engine checks every instance again when the batch runs. */
  static final int INSTANCES_TRIED = 200;
  /** Engine queries of a signed-in user return at most this many rows. */
  static final int MAX_INSTANCES = 2000;

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final SystemActions system;
  private final TransactionTemplate transactions;

  MigrationPlanner(RepositoryService repository, RuntimeService runtime, ManagementService management,
      SystemActions system, PlatformTransactionManager transactions) {
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
    this.system = system;
    this.transactions = new TransactionTemplate(transactions);
    // its own transaction, always rolled back, whatever the caller's
    this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
  }

  /** A checked plan: the definitions, the instructions, the instances, and whether the engine would run it. */
  record Checked(ProcessDefinition source, ProcessDefinition target, MigrationPlan plan, List<Instruction> generated,
      List<Instruction> instructions, List<String> instances, List<Problem> problems, int tried) {

    PlanReport report(String processKey) {
      return new PlanReport(processKey, definition(source), definition(target), generated, instructions,
          problems.isEmpty(), problems, instances.size(), tried);
    }

    private static Definition definition(ProcessDefinition d) {
      return new Definition(d.getId(), d.getVersion(), d.getName());
    }
  }

  /** Checks the command's plan, trying it on the instances that would move. */
  Checked check(MigrationCommand command) {
    return check(command, true);
  }

  /** Checks the command's plan; {@code tryInstances} false skips the dry run (execution validates every instance). */
  Checked check(MigrationCommand command, boolean tryInstances) {
    validate(command);
    ProcessDefinition source = definition(command.processKey(), command.sourceVersion(), "sourceVersion");
    ProcessDefinition target = definition(command.processKey(), command.targetVersion(), "targetVersion");
    List<String> instances = instances(source, command.processInstanceIds());
    List<Instruction> generated = generated(source, target);
    Map<String, Instruction> bySource = new LinkedHashMap<>();
    generated.forEach(i -> bySource.put(i.from(), i));
    command.overrides().forEach(i -> bySource.put(i.from(), i));
    List<Instruction> instructions = List.copyOf(bySource.values());
    List<Problem> problems = new ArrayList<>();
    MigrationPlan plan = build(source, target, instructions, problems);
    int tried = 0;
    if (plan != null && command.processInstanceIds() == null) {
      // every instance of the source version moves: what all of them wait in, counted by the engine in one query
      problems.addAll(unmapped(source, instructions, instances));
    }
    if (plan != null && tryInstances) {
      List<String> sample = instances.subList(0, Math.min(INSTANCES_TRIED, instances.size()));
      problems.addAll(tryOn(plan, sample));
      tried = sample.size();
    }
    return new Checked(source, target, plan, generated, instructions, instances, List.copyOf(problems), tried);
  }

  private static void validate(MigrationCommand command) {
    InputErrors errors = new InputErrors();
    errors.requireText(command.processKey(), "processKey", 255);
    errors.require(command.sourceVersion() != null && command.sourceVersion() > 0, "sourceVersion",
        "is required: a version number (1, 2, ...)");
    errors.require(command.targetVersion() != null && command.targetVersion() > 0, "targetVersion",
        "is required: a version number (1, 2, ...)");
    errors.require(command.sourceVersion() == null || !command.sourceVersion().equals(command.targetVersion()),
        "targetVersion", "must differ from sourceVersion");
    List<Instruction> overrides = command.overrides();
    for (int n = 0; n < overrides.size(); n++) {
      Instruction i = overrides.get(n);
      errors.require(i != null && i.from() != null && !i.from().isBlank(), "instructions[" + n + "].from",
          "is required: a source activity id");
      errors.require(i != null && i.to() != null && !i.to().isBlank(), "instructions[" + n + "].to",
          "is required: a target activity id");
    }
    Set<String> sources = overrides.stream().filter(i -> i != null && i.from() != null).map(Instruction::from)
        .collect(Collectors.toSet());
    errors.require(sources.size() == overrides.stream().filter(i -> i != null && i.from() != null).count(),
        "instructions", "map each source activity once");
    errors.require(command.processInstanceIds() == null || command.processInstanceIds().size() <= MAX_INSTANCES,
        "processInstanceIds", "at most " + MAX_INSTANCES + " instances per migration");
    errors.throwIfAny();
  }

  private ProcessDefinition definition(String key, int version, String field) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
      throw new NotFoundException("process", key);
    }
    ProcessDefinition found = repository.createProcessDefinitionQuery().processDefinitionKey(key)
        .processDefinitionVersion(version).singleResult();
    if (found == null) {
      new InputErrors().add(field, "process " + key + " has no version " + version).throwIfAny();
    }
    return found;
  }

  /** The instances that would move: the named ones (each must run on the source version), else all of them. */
  private List<String> instances(ProcessDefinition source, List<String> named) {
    if (named == null) {
      long count = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
      if (count > MAX_INSTANCES) {
        new InputErrors().add("processInstanceIds", count + " instances run on version " + source.getVersion()
            + ": name at most " + MAX_INSTANCES + " per migration").throwIfAny();
      }
      return runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).orderByProcessInstanceId()
          .asc().listPage(0, MAX_INSTANCES).stream().map(ProcessInstance::getId).toList();
    }
    List<String> ids = named.stream().distinct().toList();
    if (ids.isEmpty()) {
      return ids;
    }
    Set<String> running = runtime.createProcessInstanceQuery().processInstanceIds(Set.copyOf(ids))
        .processDefinitionId(source.getId()).listPage(0, MAX_INSTANCES).stream().map(ProcessInstance::getId)
        .collect(Collectors.toSet());
    List<String> missing = ids.stream().filter(id -> !running.contains(id)).toList();
    if (!missing.isEmpty()) {
      new InputErrors().add("processInstanceIds", "not running on version " + source.getVersion() + ": "
          + String.join(", ", missing.subList(0, Math.min(20, missing.size())))
          + (missing.size() > 20 ? " and " + (missing.size() - 20) + " more" : "")).throwIfAny();
    }
    return ids;
  }

  private List<Instruction> generated(ProcessDefinition source, ProcessDefinition target) {
    MigrationPlan plan;
    try {
      plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
    } catch (MigrationPlanValidationException e) {
      plan = e.getValidationReport().getMigrationPlan();
    }
    return plan.getInstructions().stream().map(i -> new Instruction(i.getSourceActivityId(), i.getTargetActivityId()))
        .toList();
  }

  /** The plan of exactly these instructions, or null with the engine's reasons in {@code problems}. */
  private MigrationPlan build(ProcessDefinition source, ProcessDefinition target, List<Instruction> instructions,
      List<Problem> problems) {
    MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId());
    for (Instruction i : instructions) {
      builder = builder.mapActivities(i.from(), i.to());
    }
    try {
      return builder.build();
    } catch (MigrationPlanValidationException e) {
      e.getValidationReport().getInstructionReports().forEach(report -> report.getFailures().forEach(failure ->
          problems.add(new Problem(element(report.getMigrationInstruction()), failure, null))));
      e.getValidationReport().getVariableReports().forEach((name, report) -> report.getFailures().forEach(
          failure -> problems.add(new Problem("variable " + name, failure, null))));
      if (problems.isEmpty()) {
        problems.add(new Problem(null, e.getMessage(), null));
      }
      return null;
    }
  }

  /** Activities where instances of the source version wait (all of them, not only the instances tried) unmapped. */
  private List<Problem> unmapped(ProcessDefinition source, List<Instruction> instructions, List<String> instances) {
    if (instances.isEmpty()) {
      return List.of();
    }
    Set<String> mapped = instructions.stream().map(Instruction::from).collect(Collectors.toSet());
    List<Problem> problems = new ArrayList<>();
    for (ActivityStatistics statistics : management.createActivityStatisticsQuery(source.getId()).unlimitedList()) {
      if (!mapped.contains(statistics.getId())) {
        problems.add(new Problem(statistics.getId(), "no instruction maps this activity, and " + statistics
            .getInstances() + " instance(s) of version " + source.getVersion() + " wait in it", null));
      }
    }
    return problems;
  }

  /** The engine's own validation of each instance: they are migrated and the transaction is rolled back. */
  private List<Problem> tryOn(MigrationPlan plan, List<String> instances) {
    if (instances.isEmpty()) {
      return List.of();
    }
    List<Problem> problems = new ArrayList<>();
    transactions.executeWithoutResult(status -> {
      status.setRollbackOnly();
      try {
        system.call(() -> {
          runtime.newMigration(plan).processInstanceIds(instances).execute();
          return null;
        });
      } catch (MigratingProcessInstanceValidationException e) {
        problems.addAll(problemsOf(e.getValidationReport()));
      } catch (ProcessEngineException e) {
        problems.add(new Problem(null, e.getMessage(), null));
      }
    });
    return problems;
  }

  private static List<Problem> problemsOf(MigratingProcessInstanceValidationReport report) {
    String pi = report.getProcessInstanceId();
    List<Problem> problems = new ArrayList<>();
    report.getFailures().forEach(f -> problems.add(new Problem(null, f, pi)));
    report.getActivityInstanceReports().forEach(a -> a.getFailures().forEach(f ->
        problems.add(new Problem(a.getSourceScopeId(), f, pi))));
    report.getTransitionInstanceReports().forEach(t -> t.getFailures().forEach(f ->
        problems.add(new Problem(t.getSourceScopeId(), f, pi))));
    return problems;
  }

  private static String element(MigrationInstruction instruction) {
    return instruction == null ? null : instruction.getSourceActivityId() + " -> " + instruction.getTargetActivityId();
  }
}
