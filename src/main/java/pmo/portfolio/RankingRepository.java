package pmo.portfolio;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import pmo.platform.SqlFilter;

/**
 * The candidates of the ranking with their current scores, in one query each for projects and proposals. A project's
 * current scoring is its own latest, else the latest of the proposal it came from. A page of the ranking reads every
 * candidate's sort key first (numbers stored with the scoring, see {@link RankKeys}) and then the whole rows of that
 * page only.
 *
 * <p>Longer than 200 lines: the two reads of the ranking (the keys of every candidate, a page cut in SQL) and the rows
 * of a page share one candidate query and its filter, which must stay identical for the pages to equal the ranking.
 */
@Repository
class RankingRepository {

  /** A project with its current scoring: its own (sp), else its proposal's (sq). */
  private static final String PROJECTS = "\n" + """
        from project p
        left join portfolio_score sp
               on sp.subject_type = 'PROJECT' and sp.subject_id = p.id and sp.is_current = true
        left join project_proposal pp on pp.project_id = p.id
        left join portfolio_score sq
               on sq.subject_type = 'PROPOSAL' and sq.subject_id = pp.id and sq.is_current = true""";

  /** A proposal not yet registered as a project, with its current scoring (s). */
  private static final String PROPOSALS = "\n" + """
        from project_proposal q
        left join portfolio_score s
               on s.subject_type = 'PROPOSAL' and s.subject_id = q.id and s.is_current = true""";

  private final JdbcClient jdbc;

  RankingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Filters of the ranking; null means any (status: running projects and open proposals). */
  record Filter(Subject.Kind kind, String stage, String status, String objective, String category) {

    static final Filter ALL = new Filter(null, null, null, null, null);

    boolean projects() {
      return kind != Subject.Kind.PROPOSAL;
    }

    boolean proposals() {
      return kind != Subject.Kind.PROJECT && stage == null;
    }

    SqlFilter projectWhere() {
      SqlFilter where = new SqlFilter();
      if (status == null) {
        where.and("p.status in ('ACTIVE', 'ON_HOLD') and p.stage <> 'CLOSED'");
      }
      return where.and("p.status = :status", "status", status)
          .and("p.stage = :stage", "stage", stage)
          .and("p.strategic_objective = :objective", "objective", objective)
          .and("p.category = :category", "category", category);
    }

    SqlFilter proposalWhere() {
      SqlFilter where = new SqlFilter().and("q.project_id is null");
      if (status == null) {
        where.and("q.status in ('SUBMITTED', 'SENT_BACK', 'SCREENED')");
      }
      return where.and("q.status = :status", "status", status)
          .and("q.strategic_objective = :objective", "objective", objective)
          .and("q.category = :category", "category", category);
    }
  }

  /** A project's stored sort key: its own current scoring's, else its proposal's. */
  private static final String PROJECT_KEY = """
      select 'PROJECT' as kind, p.id, p.created_at,
             case when sp.id is not null then sp.rank_score else sq.rank_score end as rank_score,
             case when sp.id is not null then sp.rank_alignment else sq.rank_alignment end as rank_alignment""";

  /** A proposal's stored sort key. */
  private static final String PROPOSAL_KEY =
      "select 'PROPOSAL' as kind, q.id, q.created_at, s.rank_score, s.rank_alignment";

  /**
   * The sort key of every candidate. A stored key computed under another model or alignment criterion than
   * {@code rankKey} (see {@link RankKeys}) is not used: that row's scores come along and are weighed here.
   */
  List<Ranking.Key> keys(Filter f, ScoringModel model, String alignmentCriterion, String rankKey) {
    List<Ranking.Key> keys = new ArrayList<>();
    if (f.projects()) {
      SqlFilter where = f.projectWhere().param("rankKey", rankKey);
      where.bind(jdbc.sql(PROJECT_KEY + """
              ,
                     case when sp.id is not null
                          then case when sp.rank_key = :rankKey then null else sp.scores end
                          else case when sq.rank_key = :rankKey then null else sq.scores end end as stale_scores"""
              + PROJECTS + where.where()))
          .query((rs, n) -> key(rs, model, alignmentCriterion)).list().forEach(keys::add);
    }
    if (f.proposals()) {
      SqlFilter where = f.proposalWhere().param("rankKey", rankKey);
      where.bind(jdbc.sql(PROPOSAL_KEY + ", case when s.rank_key = :rankKey then null else s.scores end as stale_scores"
              + PROPOSALS + where.where()))
          .query((rs, n) -> key(rs, model, alignmentCriterion)).list().forEach(keys::add);
    }
    return keys;
  }

  /** {@link Ranking#ORDER} in SQL, over the columns of {@link #page}'s candidates. */
  static final String ORDER = """
      case when rank_score is null then 1 else 0 end, rank_score desc, coalesce(rank_alignment, 0) desc,
      created_at asc, kind asc, id asc""";

  /** A page of sort keys in rank order, and how many candidates there are in all. */
  record KeyPage(List<Ranking.Key> keys, long total) {
  }

  /**
   * A page of the ranking ordered and cut in the database from the stored keys, so only the page's keys leave it, and
   * the number of candidates (counted without the scores). Empty while any current scoring's stored key is not of
   * {@code rankKey} (the database cannot weigh it: the caller orders {@link #keys} itself then).
   */
  Optional<KeyPage> page(Filter f, String rankKey, long offset, int size) {
    boolean stale = jdbc.sql("""
            select count(*) from portfolio_score
             where is_current = true and (rank_key is null or rank_key <> :rankKey)""")
        .param("rankKey", rankKey).query(Long.class).single() > 0;
    if (stale) {
      return Optional.empty();
    }
    List<String> branches = new ArrayList<>();
    List<SqlFilter> wheres = new ArrayList<>();
    if (f.projects()) {
      SqlFilter where = f.projectWhere();
      branches.add(PROJECT_KEY + PROJECTS + where.where());
      wheres.add(where);
    }
    if (f.proposals()) {
      SqlFilter where = f.proposalWhere();
      branches.add(PROPOSAL_KEY + PROPOSALS + where.where());
      wheres.add(where);
    }
    JdbcClient.StatementSpec statement = jdbc.sql("select kind, id, created_at, rank_score, rank_alignment from ("
            + String.join("\n union all\n", branches) + ") candidates order by " + ORDER
            + " limit :size offset :offset")
        .param("size", size).param("offset", offset);
    for (SqlFilter where : wheres) {
      statement = where.bind(statement);
    }
    List<Ranking.Key> keys = statement.query((rs, n) -> storedKey(rs, rs.getString("kind"), rs.getLong("id"),
        rs.getObject("created_at", OffsetDateTime.class))).list();
    return Optional.of(new KeyPage(keys, count(f)));
  }

  /** How many candidates the filter lets through. */
  private long count(Filter f) {
    long total = 0;
    if (f.projects()) {
      SqlFilter where = f.projectWhere();
      total += where.bind(jdbc.sql("select count(*) from project p" + where.where())).query(Long.class).single();
    }
    if (f.proposals()) {
      SqlFilter where = f.proposalWhere();
      total += where.bind(jdbc.sql("select count(*) from project_proposal q" + where.where())).query(Long.class)
          .single();
    }
    return total;
  }

  private static Ranking.Key key(ResultSet rs, ScoringModel model, String alignmentCriterion) throws SQLException {
    String kind = rs.getString("kind");
    long id = rs.getLong("id");
    OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
    String stale = rs.getString("stale_scores");
    if (stale != null) {
      return Ranking.key(kind, id, created, ScoringService.parse(stale), model, alignmentCriterion);
    }
    return storedKey(rs, kind, id, created);
  }

  private static Ranking.Key storedKey(ResultSet rs, String kind, long id, OffsetDateTime created)
      throws SQLException {
    BigDecimal score = rs.getBigDecimal("rank_score");
    return new Ranking.Key(kind, id, created, score, score == null ? 0 : rs.getInt("rank_alignment"));
  }

  /** Every candidate the filter lets through, whole. */
  List<Ranking.Row> rows(Filter f) {
    List<Ranking.Row> rows = new ArrayList<>();
    if (f.projects()) {
      SqlFilter where = f.projectWhere();
      where.bind(jdbc.sql(PROJECT_COLUMNS + PROJECTS + where.where())).query((rs, n) -> row(rs)).list()
          .forEach(rows::add);
    }
    if (f.proposals()) {
      SqlFilter where = f.proposalWhere();
      where.bind(jdbc.sql(PROPOSAL_COLUMNS + PROPOSALS + where.where())).query((rs, n) -> row(rs)).list()
          .forEach(rows::add);
    }
    return rows;
  }

  /** The whole rows of these candidates (a page of keys), in the keys' order. */
  List<Ranking.Row> rows(List<Ranking.Key> keys) {
    List<Long> projects = keys.stream().filter(k -> "PROJECT".equals(k.kind())).map(Ranking.Key::id).toList();
    List<Long> proposals = keys.stream().filter(k -> "PROPOSAL".equals(k.kind())).map(Ranking.Key::id).toList();
    Map<String, Ranking.Row> byKey = new HashMap<>();
    if (!projects.isEmpty()) {
      jdbc.sql(PROJECT_COLUMNS + PROJECTS + " where p.id in (:ids)").param("ids", projects)
          .query((rs, n) -> row(rs)).list().forEach(r -> byKey.put(r.kind() + r.id(), r));
    }
    if (!proposals.isEmpty()) {
      jdbc.sql(PROPOSAL_COLUMNS + PROPOSALS + " where q.id in (:ids)").param("ids", proposals)
          .query((rs, n) -> row(rs)).list().forEach(r -> byKey.put(r.kind() + r.id(), r));
    }
    return keys.stream().map(k -> byKey.get(k.kind() + k.id())).filter(java.util.Objects::nonNull).toList();
  }

  private static final String PROJECT_COLUMNS = """
      select 'PROJECT' as kind, p.id, p.code as reference, p.name, p.stage, p.status, p.category,
             p.strategic_objective, p.created_at,
             case when sp.id is not null then sp.scores else sq.scores end as scores,
             case when sp.id is not null then sp.model_version else sq.model_version end as model_version,
             case when sp.id is not null then sp.scored_by else sq.scored_by end as scored_by,
             case when sp.id is not null then sp.scored_at else sq.scored_at end as scored_at""";

  private static final String PROPOSAL_COLUMNS = """
      select 'PROPOSAL' as kind, q.id, null as reference, q.title as name, null as stage, q.status,
             q.category, q.strategic_objective, q.created_at, s.scores, s.model_version, s.scored_by,
             s.scored_at""";

  private static String reference(String kind, long id, String stored) {
    return "PROPOSAL".equals(kind) ? Subject.proposalReference(id) : stored;
  }

  private static Ranking.Row row(ResultSet rs) throws SQLException {
    String kind = rs.getString("kind");
    long id = rs.getLong("id");
    String scores = rs.getString("scores");
    return new Ranking.Row(kind, id, reference(kind, id, rs.getString("reference")), rs.getString("name"),
        rs.getString("stage"), rs.getString("status"), rs.getString("category"), rs.getString("strategic_objective"),
        rs.getObject("created_at", OffsetDateTime.class), scores == null ? null : ScoringService.parse(scores),
        rs.getString("model_version"), rs.getString("scored_by"), rs.getObject("scored_at", OffsetDateTime.class));
  }
}
