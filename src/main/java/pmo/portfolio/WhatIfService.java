package pmo.portfolio;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.InputErrors;
import pmo.portfolio.selection.Candidate;
import pmo.portfolio.selection.Dependency;
import pmo.portfolio.selection.Limit;
import pmo.portfolio.selection.Optimiser;
import pmo.portfolio.selection.Selection;
import pmo.portfolio.selection.SelectionProblem;

/**
 * The what-if: checks the request, turns the portfolio into a selection problem (one budget limit per year of the
 * horizon at the annual ceiling, prorated for a shorter last year; one capacity limit per role and month), solves it
 * ({@link Optimiser}) and explains the answer ({@link WhatIfReport}).
 */
@Service
public class WhatIfService {

  private final WhatIfInputs inputs;
  private final PortfolioSettings settings;
  private final ScoringModels models;
  private final Clock clock;

  WhatIfService(WhatIfInputs inputs, PortfolioSettings settings, ScoringModels models, Clock clock) {
    this.inputs = inputs;
    this.settings = settings;
    this.models = models;
    this.clock = clock;
  }

  /** A checked request, resolved against the portfolio. */
  record Prepared(WhatIfRequest request, YearMonth from, YearMonth to, SelectionProblem problem,
      WhatIfInputs.Data data, List<String> budgetYears) {
  }

  @Transactional(readOnly = true)
  public WhatIfResult run(WhatIfRequest request) {
    Prepared prepared = prepare(request);
    Optimiser optimiser = new Optimiser(settings.whatIf().timeLimit());
    Selection selection = optimiser.select(prepared.problem());
    var frontier = Boolean.TRUE.equals(request.frontier()) && selection.feasible()
        ? optimiser.frontier(prepared.problem(), request.budgetCeiling().doubleValue(),
            Math.max(20, settings.whatIf().frontierPoints()))
        : null;
    return WhatIfReport.of(prepared, selection, frontier, models.current().version());
  }

  Prepared prepare(WhatIfRequest request) {
    InputErrors errors = new InputErrors();
    BigDecimal ceiling = request.budgetCeiling();
    errors.require(ceiling != null, "budgetCeiling", "is required: the annual budget ceiling");
    errors.require(ceiling == null || ceiling.signum() >= 0, "budgetCeiling", "must be 0 or more");
    YearMonth from = request.from() == null ? YearMonth.now(clock) : Months.month(request.from(), "from", errors, true);
    int months = request.months() == null ? settings.whatIf().horizonMonths() : request.months();
    errors.require(months >= 1 && months <= settings.whatIf().maxHorizonMonths(), "months",
        "must be from 1 to " + settings.whatIf().maxHorizonMonths());
    errors.throwIfAny();
    YearMonth to = from.plusMonths(months - 1L);
    WhatIfInputs.Data data = inputs.read(from, to);
    List<String> refs = request.candidates() == null ? new ArrayList<>(data.ranked().keySet())
        : request.candidates();
    if (refs.isEmpty()) {
      errors.add("candidates", request.candidates() == null
          ? "the portfolio has no running project and no proposal in intake to choose from"
          : "must name at least one project or proposal");
    }
    for (int i = 0; i < refs.size(); i++) {
      String ref = refs.get(i);
      if (!data.ranked().containsKey(ref) || !data.schedules().containsKey(ref)) {
        errors.add("candidates[" + i + "]", "'" + ref + "' is no running project or proposal in intake");
      } else if (refs.indexOf(ref) != i) {
        errors.add("candidates[" + i + "]", "'" + ref + "' is named twice");
      }
    }
    Map<String, Candidate.Pin> pins = new HashMap<>();
    if (request.pins() != null) {
      request.pins().forEach((ref, pin) -> {
        if (!refs.contains(ref)) {
          errors.add("pins." + ref, "is no candidate of this what-if");
        } else if (!"in".equals(pin) && !"out".equals(pin)) {
          errors.add("pins." + ref, "must be in or out, not '" + pin + "'");
        } else {
          pins.put(ref, "in".equals(pin) ? Candidate.Pin.IN : Candidate.Pin.OUT);
        }
      });
    }
    List<Dependency> dependencies = dependencies(request.dependencies(), refs, errors);
    errors.throwIfAny();

    List<YearMonth[]> years = WhatIfInputs.years(from, to);
    List<Limit> limits = new ArrayList<>();
    List<String> yearLabels = new ArrayList<>();
    for (int y = 0; y < years.size(); y++) {
      YearMonth[] year = years.get(y);
      long length = year[0].until(year[1], java.time.temporal.ChronoUnit.MONTHS) + 1;
      String label = "budget " + year[0] + " to " + year[1];
      yearLabels.add(year[0] + " to " + year[1]);
      limits.add(new Limit("budget:" + y, Limit.Kind.BUDGET, label, ceiling.doubleValue() * length / 12));
    }
    Map<String, String> roleNames = new LinkedHashMap<>();
    settings.roles().forEach(r -> roleNames.put(r.id(), r.name()));
    data.capacity().forEach((cell, fte) -> limits.add(new Limit(capacityId(cell), Limit.Kind.CAPACITY,
        roleNames.get(cell.role()) + " " + cell.month(), fte.doubleValue())));
    List<Candidate> candidates = new ArrayList<>();
    for (String ref : refs) {
      Map<String, Double> usage = new HashMap<>();
      WhatIfInputs.Schedule schedule = data.schedules().get(ref);
      for (int y = 0; y < years.size(); y++) {
        double cost = schedule.costIn(years.get(y)[0], years.get(y)[1]);
        if (cost > 0) {
          usage.put("budget:" + y, cost);
        }
      }
      data.allocations().getOrDefault(ref, Map.of()).forEach((cell, fte) -> usage.merge(capacityId(cell), fte,
          Double::sum));
      Ranking.Item item = data.ranked().get(ref);
      candidates.add(new Candidate(ref, item.name(), item.scored() ? item.score().doubleValue() : 0, usage,
          pins.getOrDefault(ref, Candidate.Pin.FREE)));
    }
    return new Prepared(request, from, to, new SelectionProblem(candidates, limits, dependencies), data, yearLabels);
  }

  private static List<Dependency> dependencies(List<WhatIfRequest.DependencyInput> given, List<String> refs,
      InputErrors errors) {
    List<Dependency> dependencies = new ArrayList<>();
    if (given == null) {
      return dependencies;
    }
    for (int i = 0; i < given.size(); i++) {
      WhatIfRequest.DependencyInput d = given.get(i);
      String at = "dependencies[" + i + "]";
      if (d == null || d.project() == null || !refs.contains(d.project())) {
        errors.add(at + ".project", "must name a candidate of this what-if");
        continue;
      }
      if ((d.requires() == null) == (d.excludes() == null)) {
        errors.add(at, "must give either requires or excludes");
        continue;
      }
      String other = d.requires() != null ? d.requires() : d.excludes();
      String field = at + (d.requires() != null ? ".requires" : ".excludes");
      if (!refs.contains(other)) {
        errors.add(field, "must name a candidate of this what-if");
      } else if (other.equals(d.project())) {
        errors.add(field, "must name another project");
      } else {
        dependencies.add(new Dependency(d.project(), d.requires() != null ? Dependency.Kind.REQUIRES
            : Dependency.Kind.EXCLUDES, other));
      }
    }
    return dependencies;
  }

  static String capacityId(Months.Cell cell) {
    return "role:" + cell.role() + ":" + cell.month();
  }
}
