package pmo.improvement.proposal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.InvalidInputException;

/**
 * The reward mechanism: points to the proposer for each accepted and each verified proposal (table
 * {@code recognition}, one row per proposal and reason), and the leaderboard of a calendar quarter (UTC), in which the
 * points were awarded: most points first, then most verified proposals, then by name.
 */
@Service
public class Recognition {

  /** Why points were awarded. */
  public enum Reason {
    ACCEPTED, VERIFIED
  }

  /** One row of the leaderboard. */
  public record Standing(int rank, String person, long points, long accepted, long verified) {
  }

  /** A quarter's leaderboard. */
  public record Leaderboard(String quarter, List<Standing> standings) {
  }

  private record Award(long id, long proposalId, String person, Reason reason, int points, String quarter,
      String awardedBy, OffsetDateTime awardedAt) {
  }

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;

  Recognition(JdbcClient jdbc, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** Awards the proposer points (0 points still count the proposal on the leaderboard). */
  @Transactional
  void award(Proposal proposal, Reason reason, int points, String by) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    String quarter = quarterOf(now);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into recognition (proposal_id, person, reason, points, quarter, awarded_by, awarded_at)
            values (:proposal, :person, :reason, :points, :quarter, :by, :now)""")
        .param("proposal", proposal.id()).param("person", proposal.proposer()).param("reason", reason.name())
        .param("points", points).param("quarter", quarter).param("by", by).param("now", now)
        .update(key, "id");
    long id = key.getKey().longValue();
    audit.record(AuditEntry.created(ImprovementAudit.RECOGNITION_AWARDED, id, proposal.projectId(),
        new Award(id, proposal.id(), proposal.proposer(), reason, points, quarter, by, now)));
  }

  /** The leaderboard of a quarter ({@code 2025-Q3}); null: the current one. */
  @Transactional(readOnly = true)
  public Leaderboard leaderboard(String quarter) {
    String q = quarter == null || quarter.isBlank() ? quarterOf(OffsetDateTime.now(clock)) : quarter.trim();
    if (!q.matches("\\d{4}-Q[1-4]")) {
      throw InvalidInputException.of("quarter", "must be a quarter as 2025-Q3, not '" + quarter + "'");
    }
    List<Standing> standings = new ArrayList<>();
    jdbc.sql("""
            select person, sum(points) as points,
                   sum(case when reason = 'ACCEPTED' then 1 else 0 end) as accepted,
                   sum(case when reason = 'VERIFIED' then 1 else 0 end) as verified
              from recognition where quarter = :quarter
             group by person
             order by sum(points) desc, sum(case when reason = 'VERIFIED' then 1 else 0 end) desc, person""")
        .param("quarter", q)
        .query((rs, i) -> new Standing(0, rs.getString("person"), rs.getLong("points"), rs.getLong("accepted"),
            rs.getLong("verified")))
        .list().forEach(s -> {
          int rank = standings.isEmpty() || standings.get(standings.size() - 1).points() != s.points()
              ? standings.size() + 1 : standings.get(standings.size() - 1).rank();
          standings.add(new Standing(rank, s.person(), s.points(), s.accepted(), s.verified()));
        });
    return new Leaderboard(q, standings);
  }

  /** The quarter of a moment, in UTC: 2025-Q3. */
  static String quarterOf(OffsetDateTime at) {
    OffsetDateTime utc = at.withOffsetSameInstant(ZoneOffset.UTC);
    return utc.getYear() + "-Q" + ((utc.getMonthValue() - 1) / 3 + 1);
  }
}
