package pmo.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The data a what-if runs on, read once: each candidate's weighted score (the ranking), its cost spread evenly over
 * the months of its plan (a project: the current baseline's budget from planned start to planned finish; a proposal:
 * its estimated budget over its estimated months from its planned start, else from the horizon's first month), its
 * allocations in the horizon, and the capacity of every role in every month of the horizon.
 */
@Component
class WhatIfInputs {

  private final JdbcClient jdbc;
  private final RankingService ranking;
  private final ResourceRepository resources;
  private final ResourceService resourceService;

  WhatIfInputs(JdbcClient jdbc, RankingService ranking, ResourceRepository resources,
      ResourceService resourceService) {
    this.jdbc = jdbc;
    this.ranking = ranking;
    this.resources = resources;
    this.resourceService = resourceService;
  }

  /** A candidate's plan: budget spread over months from start to finish (inclusive). */
  record Schedule(BigDecimal budget, YearMonth start, YearMonth finish) {

    double costIn(YearMonth first, YearMonth last) {
      long months = start.until(finish, java.time.temporal.ChronoUnit.MONTHS) + 1;
      YearMonth a = start.isAfter(first) ? start : first;
      YearMonth b = finish.isBefore(last) ? finish : last;
      long inside = b.isBefore(a) ? 0 : a.until(b, java.time.temporal.ChronoUnit.MONTHS) + 1;
      return budget.doubleValue() * inside / months;
    }
  }

  /** Everything about the open candidates, by reference. */
  record Data(Map<String, Ranking.Item> ranked, Map<String, Schedule> schedules,
      Map<String, Map<Months.Cell, Double>> allocations, Map<Months.Cell, BigDecimal> capacity) {
  }

  Data read(YearMonth from, YearMonth to) {
    Map<String, Ranking.Item> ranked = new LinkedHashMap<>();
    ranking.all().forEach(item -> ranked.put(item.reference(), item));
    Map<String, Schedule> schedules = new HashMap<>();
    jdbc.sql("""
            select p.code, b.budget_at_completion, b.planned_start, b.planned_finish
              from project p join project_baseline b on b.project_id = p.id
             where b.version = (select max(v.version) from project_baseline v where v.project_id = p.id)
               and p.status in ('ACTIVE', 'ON_HOLD') and p.stage <> 'CLOSED'""")
        .query(rs -> {
          schedules.put(rs.getString("code"), new Schedule(rs.getBigDecimal("budget_at_completion"),
              YearMonth.from(rs.getObject("planned_start", LocalDate.class)),
              YearMonth.from(rs.getObject("planned_finish", LocalDate.class))));
        });
    jdbc.sql("""
            select id, estimated_budget, estimated_months, planned_start from project_proposal
             where project_id is null and status in ('SUBMITTED', 'SENT_BACK', 'SCREENED')""")
        .query(rs -> {
          LocalDate planned = rs.getObject("planned_start", LocalDate.class);
          YearMonth start = planned == null ? from : YearMonth.from(planned);
          schedules.put(Subject.proposalReference(rs.getLong("id")), new Schedule(rs.getBigDecimal("estimated_budget"),
              start, start.plusMonths(Math.max(1, rs.getInt("estimated_months")) - 1L)));
        });
    Map<String, Map<Months.Cell, Double>> allocations = new HashMap<>();
    Map<Long, String> codes = new HashMap<>();
    ranked.values().stream().filter(i -> "PROJECT".equals(i.kind())).forEach(i -> codes.put(i.id(), i.reference()));
    for (Subject.Kind kind : Subject.Kind.values()) {
      for (ResourceRepository.Allocation a : resources.allocationsOf(kind, from, to)) {
        String ref = kind == Subject.Kind.PROJECT ? codes.get(a.subject().id())
            : Subject.proposalReference(a.subject().id());
        if (ref != null) {
          allocations.computeIfAbsent(ref, r -> new HashMap<>())
              .merge(new Months.Cell(a.role(), a.month()), a.fte().doubleValue(), Double::sum);
        }
      }
    }
    return new Data(ranked, schedules, allocations, resourceService.capacity(from, to));
  }

  /** The budget years of a horizon: consecutive blocks of 12 months (the last one may be shorter). */
  static List<YearMonth[]> years(YearMonth from, YearMonth to) {
    List<YearMonth[]> years = new ArrayList<>();
    for (YearMonth start = from; !start.isAfter(to); start = start.plusMonths(12)) {
      YearMonth end = start.plusMonths(11);
      years.add(new YearMonth[] {start, end.isAfter(to) ? to : end});
    }
    return years;
  }
}
