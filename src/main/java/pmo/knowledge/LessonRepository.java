package pmo.knowledge;

import java.sql.DatabaseMetaData;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.RecordRows;
import pmo.platform.SqlFilter;

/**
 * Lessons and their tags. Search text uses PostgreSQL's full-text search (the {@code search} tsvector column with its
 * GIN index, {@code websearch_to_tsquery}, ranked by {@code ts_rank}); on H2 every word must occur (LIKE), newest first.
 */
@Repository
class LessonRepository {

  /**
   * A lesson with its project's code and name, each looked up by the project's key for the rows read: the lists count
   * their matches over the lessons alone, so a count of one category reads its index only (a join with the projects
   * hashed all 20,000 of them and read every matching lesson: 27 ms against 1.6 ms at the scale of issue 15).
   */
  private static final String FROM = "lesson l";
  private static final String COLUMNS = "select l.id, l.project_id,"
      + " (select p.code from project p where p.id = l.project_id) as project_code,"
      + " (select p.name from project p where p.id = l.project_id) as project_name,"
      + " l.category, l.tags, l.text, l.author, l.created_at";
  private static final int MAX_WORDS = 10;
  /** How many of the newest matches of a full-text search are ranked (see {@link #ranked}). */
  static final int RANKED = 1_000;

  private final JdbcClient jdbc;
  private final boolean fullTextSearch;

  LessonRepository(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
    this.jdbc = jdbc;
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.fullTextSearch = "PostgreSQL".equalsIgnoreCase(product);
  }

  boolean fullTextSearch() {
    return fullTextSearch;
  }

  /** Whether the knowledge base holds any lesson (the demo writes its lessons into an empty one only). */
  boolean any() {
    return jdbc.sql("select count(*) from lesson").query(Long.class).single() > 0;
  }

  long insert(NewLesson lesson, String author, OffsetDateTime now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into lesson (project_id, category, tags, text, author, created_at)
            values (:project, :category, :tags, :text, :author, :now)""")
        .param("project", lesson.projectId())
        .param("category", lesson.category())
        .param("tags", String.join(" ", lesson.tags()))
        .param("text", lesson.text())
        .param("author", author)
        .param("now", now)
        .update(key, "id");
    long id = key.getKey().longValue();
    for (String tag : lesson.tags()) {
      jdbc.sql("insert into lesson_tag (lesson_id, tag) values (:id, :tag)").param("id", id).param("tag", tag).update();
    }
    return id;
  }

  Lesson get(long id) {
    return find(id).orElseThrow();
  }

  java.util.Optional<Lesson> find(long id) {
    return jdbc.sql(COLUMNS + ", cast(null as double precision) as rank from " + FROM + " where l.id = :id")
        .param("id", id).query(Row.class).optional().map(Row::toLesson);
  }

  Page<Lesson> search(LessonQuery query, PageRequest page) {
    SqlFilter filter = new SqlFilter()
        .and("l.category = :category", "category", query.category())
        .and("l.project_id = :projectId", "projectId", query.projectId())
        .and("l.id in (select t.lesson_id from lesson_tag t where t.tag = :tag)", "tag", query.tag());
    if (query.q() != null && fullTextSearch) {
      filter.and("l.search @@ websearch_to_tsquery('english', :q)", "q", query.q());
      return ranked(filter, page);
    }
    if (query.q() != null) {
      List<String> words = Arrays.stream(query.q().toLowerCase(Locale.ROOT).split("\\s+"))
          .filter(w -> !w.isBlank()).limit(MAX_WORDS).toList();
      for (int i = 0; i < words.size(); i++) {
        filter.and("(lower(l.text) like :w" + i + " escape '\\' or l.tags like :w" + i + " escape '\\')", "w" + i,
            "%" + words.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
      }
    }
    return filter.pageById(jdbc, COLUMNS + ", cast(null as double precision) as rank", FROM, "l.id", page, Row.class,
        Row::id).map(Row::toLesson);
  }

  /**
   * Full-text matches ranked by relevance ({@code ts_rank}) among the newest {@link #RANKED} matches. Ranking reads
   * each candidate's text vector: ranking every match of a common word would cost as much as the knowledge base is
   * large, while the newest matches are found through the id index and the GIN index alike. The total counts all
   * matches (up to {@link Page#COUNT_LIMIT}); pages past the ranked ones are empty: narrow the search.
   */
  private Page<Lesson> ranked(SqlFilter filter, PageRequest page) {
    // the page is ranked and cut first, then its projects are named: a join of all candidates with the projects made
    // PostgreSQL hash every project (20,000) to name the 20 of the page
    String candidates = "(select l.* from lesson l" + filter.where() + " order by l.id desc limit :ranked) l";
    String rankedPage = "(select l.*, cast(ts_rank(l.search, websearch_to_tsquery('english', :q)) as double precision)"
        + " as rank from " + candidates + " order by rank desc, l.id desc limit :pageLimit offset :pageOffset) l";
    List<Lesson> items = filter.bind(jdbc.sql(COLUMNS + ", l.rank from " + rankedPage
            + " order by l.rank desc, l.id desc"))
        .param("ranked", RANKED)
        .param("pageLimit", page.size())
        .param("pageOffset", (long) page.page() * page.size())
        .query(RecordRows.of(Row.class)).list().stream().map(Row::toLesson).toList();
    long counted = filter.countUpToLimit(jdbc, "lesson l");
    boolean exact = counted <= Page.COUNT_LIMIT;
    return new Page<>(items, page.page(), page.size(), exact ? counted : Page.COUNT_LIMIT, exact, null);
  }

  /** The newest lessons of a category, leaving out one project's own (served by ix_lesson_category). */
  List<Lesson> newestOfCategory(String category, long exceptProjectId, int limit) {
    return jdbc.sql(COLUMNS + ", cast(null as double precision) as rank from " + FROM
            + " where l.category = :category and l.project_id <> :project order by l.id desc limit :limit")
        .param("category", category)
        .param("project", exceptProjectId)
        .param("limit", limit)
        .query(Row.class).list().stream().map(Row::toLesson).toList();
  }

  /** A result row: the tags as stored, one text. */
  record Row(long id, long projectId, String projectCode, String projectName, String category, String tags,
      String text, String author, OffsetDateTime createdAt, Double rank) {

    Lesson toLesson() {
      List<String> tagList = tags == null || tags.isBlank() ? List.of() : List.of(tags.split(" "));
      return new Lesson(id, projectId, projectCode, projectName, category, tagList, text, author, createdAt, rank);
    }
  }
}
