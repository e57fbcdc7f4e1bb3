package pmo.portfolio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import pmo.platform.SqlFilter;

/**
 * The candidates of the ranking with their current scores, in one query each for projects and proposals. A project's
 * current scoring is its own latest, else the latest of the proposal it came from.
 */
@Repository
class RankingRepository {

  private final JdbcClient jdbc;

  RankingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Filters of the ranking; null means any (status: running projects and open proposals). */
  record Filter(Subject.Kind kind, String stage, String status, String objective, String category) {
  }

  List<Ranking.Row> rows(Filter f) {
    List<Ranking.Row> rows = new ArrayList<>();
    if (f.kind() != Subject.Kind.PROPOSAL) {
      SqlFilter where = new SqlFilter();
      if (f.status() == null) {
        where.and("p.status in ('ACTIVE', 'ON_HOLD') and p.stage <> 'CLOSED'");
      }
      where.and("p.status = :status", "status", f.status())
          .and("p.stage = :stage", "stage", f.stage())
          .and("p.strategic_objective = :objective", "objective", f.objective())
          .and("p.category = :category", "category", f.category());
      where.bind(jdbc.sql("""
              select 'PROJECT' as kind, p.id, p.code as reference, p.name, p.stage, p.status, p.category,
                     p.strategic_objective, p.created_at,
                     case when sp.id is not null then sp.scores else sq.scores end as scores,
                     case when sp.id is not null then sp.model_version else sq.model_version end as model_version,
                     case when sp.id is not null then sp.scored_by else sq.scored_by end as scored_by,
                     case when sp.id is not null then sp.scored_at else sq.scored_at end as scored_at
                from project p
                left join portfolio_score sp
                       on sp.subject_type = 'PROJECT' and sp.subject_id = p.id and sp.is_current = true
                left join project_proposal pp on pp.project_id = p.id
                left join portfolio_score sq
                       on sq.subject_type = 'PROPOSAL' and sq.subject_id = pp.id and sq.is_current = true"""
              + where.where()))
          .query((rs, n) -> row(rs)).list().forEach(rows::add);
    }
    if (f.kind() != Subject.Kind.PROJECT && f.stage() == null) {
      SqlFilter where = new SqlFilter().and("q.project_id is null");
      if (f.status() == null) {
        where.and("q.status in ('SUBMITTED', 'SENT_BACK', 'SCREENED')");
      }
      where.and("q.status = :status", "status", f.status())
          .and("q.strategic_objective = :objective", "objective", f.objective())
          .and("q.category = :category", "category", f.category());
      where.bind(jdbc.sql("""
              select 'PROPOSAL' as kind, q.id, null as reference, q.title as name, null as stage, q.status,
                     q.category, q.strategic_objective, q.created_at, s.scores, s.model_version, s.scored_by,
                     s.scored_at
                from project_proposal q
                left join portfolio_score s
                       on s.subject_type = 'PROPOSAL' and s.subject_id = q.id and s.is_current = true"""
              + where.where()))
          .query((rs, n) -> row(rs)).list().forEach(rows::add);
    }
    return rows;
  }

  private static Ranking.Row row(ResultSet rs) throws SQLException {
    String kind = rs.getString("kind");
    long id = rs.getLong("id");
    String scores = rs.getString("scores");
    return new Ranking.Row(kind, id, "PROPOSAL".equals(kind) ? Subject.proposalReference(id)
        : rs.getString("reference"), rs.getString("name"), rs.getString("stage"), rs.getString("status"),
        rs.getString("category"), rs.getString("strategic_objective"), rs.getObject("created_at",
        OffsetDateTime.class), scores == null ? null : ScoringService.parse(scores), rs.getString("model_version"),
        rs.getString("scored_by"), rs.getObject("scored_at", OffsetDateTime.class));
  }
}
