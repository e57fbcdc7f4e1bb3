package pmo.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.ForbiddenActionException;
import pmo.platform.InputErrors;
import pmo.platform.InvalidInputException;
import pmo.platform.NotFoundException;
import pmo.platform.Roles;
import pmo.platform.Viewer;
import pmo.platform.engine.CurrentActor;

/**
 * Resources: capacity per role and month (the PMO sets it; a month without a value has the role's configured default),
 * each project's (or proposal's) staffing plan as FTE per role and month (the PMO or the project's manager, over REST or
 * in the G1/G2 gate package), and demand against capacity. Every change is audited.
 */
@Service
public class ResourceService {

  private final ResourceRepository resources;
  private final Subjects subjects;
  private final PortfolioSettings settings;
  private final PortfolioAccess access;
  private final AuditLog audit;
  private final CurrentActor actor;
  private final Clock clock;

  ResourceService(ResourceRepository resources, Subjects subjects, PortfolioSettings settings, PortfolioAccess access,
      AuditLog audit, CurrentActor actor, Clock clock) {
    this.resources = resources;
    this.subjects = subjects;
    this.settings = settings;
    this.access = access;
    this.audit = audit;
    this.actor = actor;
    this.clock = clock;
  }

  /** A staffing plan: the lines it was given as, and the FTE per role and month. */
  public record Plan(String reference, List<StaffingLine> lines, BigDecimal fteMonths) {
  }

  private record CapacityChange(List<StaffingLine> entries) {
  }

  @Transactional
  public int setCapacity(List<StaffingLine> entries) {
    InputErrors errors = new InputErrors();
    errors.require(entries == null || !entries.isEmpty(), "entries", "must hold at least one entry");
    Map<Months.Cell, BigDecimal> cells = Months.expand(entries, "entries", settings, errors);
    errors.throwIfAny();
    OffsetDateTime now = OffsetDateTime.now(clock);
    cells.forEach((cell, fte) -> resources.setCapacity(cell, fte, actor.id(), now));
    audit.record(AuditEntry.created(PortfolioAudit.CAPACITY_SET, "capacity", null, new CapacityChange(entries)));
    return cells.size();
  }

  /**
   * Replaces the staffing plan of a running project or a proposal in intake with these lines. Allowed for the PMO and
   * the project's manager; a closed or cancelled project takes no allocations.
   */
  @Transactional
  public Plan setPlan(Subject subject, List<StaffingLine> lines, Viewer viewer) {
    InputErrors errors = new InputErrors();
    Map<Months.Cell, BigDecimal> cells = Months.expand(lines, "allocations", settings, errors);
    errors.throwIfAny();
    String field = subject.kind() == Subject.Kind.PROJECT ? "projectId" : "proposalId";
    Subjects.Info info = subjects.find(subject).orElseThrow(() -> new NotFoundException(
        subject.kind().name().toLowerCase(), subject.id()));
    if (!viewer.inAny(List.of(Roles.PMO)) && !(subject.kind() == Subject.Kind.PROJECT
        && viewer.id().equals(info.manager()))) {
      throw new ForbiddenActionException(viewer.id() + " may not staff " + info.reference()
          + ": the PMO or the project's manager do");
    }
    if (!info.open()) {
      throw InvalidInputException.of(field, info.reference() + " is " + info.status()
          + ": only running projects and proposals in intake take allocations");
    }
    subjects.lockOpen(subject, "only running projects and proposals in intake take allocations");
    Plan before = plan(subject, info.reference());
    resources.replaceAllocations(subject, cells, actor.id(), OffsetDateTime.now(clock));
    Plan after = plan(subject, info.reference());
    audit.record(AuditEntry.changed(PortfolioAudit.ALLOCATIONS_SET, info.reference(),
        subject.kind() == Subject.Kind.PROJECT ? subject.id() : null, before, after));
    return after;
  }

  /**
   * Replaces a running project's plan from a form the project's own process offered (the gate package): the task
   * decides who may, errors name the form's table ({@code list[i].field}).
   */
  @Transactional
  Plan replacePlan(Subject subject, List<StaffingLine> lines, String list) {
    InputErrors errors = new InputErrors();
    Map<Months.Cell, BigDecimal> cells = Months.expand(lines, list, settings, errors);
    errors.throwIfAny();
    Subjects.Info info = subjects.lockOpen(subject, "only running projects take allocations");
    Plan before = plan(subject, info.reference());
    if (Months.compress(cells).equals(before.lines())) {
      return before; // the plan as the form offered it: nothing changed, nothing to record
    }
    resources.replaceAllocations(subject, cells, actor.id(), OffsetDateTime.now(clock));
    Plan after = plan(subject, info.reference());
    audit.record(AuditEntry.changed(PortfolioAudit.ALLOCATIONS_SET, info.reference(),
        subject.kind() == Subject.Kind.PROJECT ? subject.id() : null, before, after));
    return after;
  }

  /** The staffing plan of a project or proposal, for a reader who may see it. */
  @Transactional(readOnly = true)
  public Plan plan(Subject subject, Viewer viewer) {
    Subjects.Info info = subjects.find(subject).orElseThrow(() -> new NotFoundException(
        subject.kind().name().toLowerCase(), subject.id()));
    access.requireRead(subject, viewer);
    return plan(subject, info.reference());
  }

  Plan plan(Subject subject, String reference) {
    Map<Months.Cell, BigDecimal> cells = resources.allocations(subject);
    BigDecimal total = cells.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return new Plan(reference, Months.compress(cells), Months.plain(total));
  }

  /** Capacity of every role in each month of a range: the month's value or the role's default. */
  Map<Months.Cell, BigDecimal> capacity(YearMonth from, YearMonth to) {
    Map<Months.Cell, BigDecimal> set = resources.capacity(from, to);
    Map<Months.Cell, BigDecimal> all = new java.util.LinkedHashMap<>();
    for (PortfolioSettings.Role role : settings.roles()) {
      for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
        Months.Cell cell = new Months.Cell(role.id(), m);
        all.put(cell, set.getOrDefault(cell, role.defaultFte()));
      }
    }
    return all;
  }

  /** Demand against capacity per role and month, over-allocations with the projects that cause them. */
  @Transactional(readOnly = true)
  public CapacityReport report(YearMonth from, int months, String role) {
    InputErrors errors = new InputErrors();
    errors.require(months >= 1 && months <= 60, "months", "must be from 1 to 60");
    errors.require(role == null || settings.role(role).isPresent(), "role", "is no role ("
        + String.join(", ", settings.roles().stream().map(PortfolioSettings.Role::id).toList()) + ")");
    errors.throwIfAny();
    YearMonth to = from.plusMonths(months - 1L);
    Map<Months.Cell, BigDecimal> capacity = capacity(from, to);
    List<ResourceRepository.Allocation> demand = resources.demand(from, to);
    List<CapacityReport.RoleRow> rows = new ArrayList<>();
    List<CapacityReport.Cell> over = new ArrayList<>();
    for (PortfolioSettings.Role r : settings.roles()) {
      if (role != null && !role.equals(r.id())) {
        continue;
      }
      List<CapacityReport.Cell> cells = new ArrayList<>();
      for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
        YearMonth month = m;
        List<CapacityReport.Cause> causes = demand.stream()
            .filter(a -> a.role().equals(r.id()) && a.month().equals(month))
            .map(a -> new CapacityReport.Cause(a.reference(), a.name(), Months.plain(a.fte()))).toList();
        BigDecimal used = causes.stream().map(CapacityReport.Cause::fte).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal cap = capacity.get(new Months.Cell(r.id(), m));
        boolean overAllocated = used.compareTo(cap) > 0;
        BigDecimal utilisation = cap.signum() == 0 ? null : used.divide(cap, 3, RoundingMode.HALF_UP);
        CapacityReport.Cell cell = new CapacityReport.Cell(r.id(), m.toString(), Months.plain(cap),
            Months.plain(used), Months.plain(cap.subtract(used)), utilisation, overAllocated,
            overAllocated ? causes : List.of());
        cells.add(cell);
        if (overAllocated) {
          over.add(cell);
        }
      }
      rows.add(new CapacityReport.RoleRow(r.id(), r.name(), cells));
    }
    return new CapacityReport(from.toString(), to.toString(), rows, over);
  }
}
