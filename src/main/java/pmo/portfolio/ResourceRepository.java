package pmo.portfolio;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Capacity per role and month (portfolio_capacity) and allocations (portfolio_allocation); months as their 1st day. */
@Repository
class ResourceRepository {

  private final JdbcClient jdbc;

  ResourceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An allocation of a project (with its code and name) in a month. */
  record Allocation(Subject subject, String reference, String name, String role, YearMonth month, BigDecimal fte) {
  }

  Map<Months.Cell, BigDecimal> capacity(YearMonth from, YearMonth to) {
    Map<Months.Cell, BigDecimal> cells = new LinkedHashMap<>();
    jdbc.sql("select role, month_start, fte from portfolio_capacity where month_start between :from and :to")
        .param("from", day(from)).param("to", day(to))
        .query(rs -> {
          cells.put(new Months.Cell(rs.getString("role"), month(rs.getObject("month_start", LocalDate.class))),
              rs.getBigDecimal("fte"));
        });
    return cells;
  }

  void setCapacity(Months.Cell cell, BigDecimal fte, String by, OffsetDateTime at) {
    int updated = jdbc.sql("""
            update portfolio_capacity set fte = :fte, updated_by = :by, updated_at = :at
             where role = :role and month_start = :month""")
        .param("fte", fte).param("by", by).param("at", at).param("role", cell.role()).param("month", day(cell.month()))
        .update();
    if (updated == 0) {
      jdbc.sql("""
              insert into portfolio_capacity (role, month_start, fte, updated_by, updated_at)
              values (:role, :month, :fte, :by, :at)""")
          .param("fte", fte).param("by", by).param("at", at).param("role", cell.role())
          .param("month", day(cell.month())).update();
    }
  }

  Map<Months.Cell, BigDecimal> allocations(Subject subject) {
    Map<Months.Cell, BigDecimal> cells = new LinkedHashMap<>();
    jdbc.sql("""
            select role, month_start, fte from portfolio_allocation where subject_type = :type and subject_id = :id
             order by role, month_start""")
        .param("type", subject.kind().name()).param("id", subject.id())
        .query(rs -> {
          cells.put(new Months.Cell(rs.getString("role"), month(rs.getObject("month_start", LocalDate.class))),
              rs.getBigDecimal("fte"));
        });
    return cells;
  }

  /** Replaces a subject's whole staffing plan (the caller holds the subject's row lock). */
  void replaceAllocations(Subject subject, Map<Months.Cell, BigDecimal> cells, String by, OffsetDateTime at) {
    jdbc.sql("delete from portfolio_allocation where subject_type = :type and subject_id = :id")
        .param("type", subject.kind().name()).param("id", subject.id()).update();
    for (Map.Entry<Months.Cell, BigDecimal> e : cells.entrySet()) {
      if (e.getValue().signum() == 0) {
        continue;
      }
      jdbc.sql("""
              insert into portfolio_allocation (subject_type, subject_id, role, month_start, fte, updated_by, updated_at)
              values (:type, :id, :role, :month, :fte, :by, :at)""")
          .param("type", subject.kind().name()).param("id", subject.id()).param("role", e.getKey().role())
          .param("month", day(e.getKey().month())).param("fte", e.getValue()).param("by", by).param("at", at)
          .update();
    }
  }

  /** The allocations of active projects (not on hold, not closed) in these months: the demand on capacity. */
  List<Allocation> demand(YearMonth from, YearMonth to) {
    return jdbc.sql("""
            select a.subject_id, p.code, p.name, a.role, a.month_start, a.fte
              from portfolio_allocation a join project p on p.id = a.subject_id
             where a.subject_type = 'PROJECT' and p.status = 'ACTIVE' and p.stage <> 'CLOSED'
               and a.month_start between :from and :to
             order by a.role, a.month_start, a.fte desc, p.code""")
        .param("from", day(from)).param("to", day(to))
        .query((rs, n) -> new Allocation(Subject.project(rs.getLong("subject_id")), rs.getString("code"),
            rs.getString("name"), rs.getString("role"), month(rs.getObject("month_start", LocalDate.class)),
            rs.getBigDecimal("fte")))
        .list();
  }

  /** The allocations of these subjects in these months, for the what-if. */
  List<Allocation> allocationsOf(Subject.Kind kind, YearMonth from, YearMonth to) {
    return jdbc.sql("""
            select subject_id, role, month_start, fte from portfolio_allocation
             where subject_type = :type and month_start between :from and :to""")
        .param("type", kind.name()).param("from", day(from)).param("to", day(to))
        .query((rs, n) -> new Allocation(new Subject(kind, rs.getLong("subject_id")), null, null,
            rs.getString("role"), month(rs.getObject("month_start", LocalDate.class)), rs.getBigDecimal("fte")))
        .list();
  }

  static Date day(YearMonth month) {
    return Date.valueOf(month.atDay(1));
  }

  private static YearMonth month(LocalDate day) {
    return YearMonth.from(day);
  }
}
