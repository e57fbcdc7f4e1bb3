package pmo.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds the WHERE clause of a list query from the filters actually given, so each query the database sees has only
 * real conditions and can use its index. Values are always bound as parameters, never concatenated. Pages are mapped
 * with {@link RecordRows}.
 */
public final class SqlFilter {

  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> params = new LinkedHashMap<>();

  /** Adds {@code condition} (which refers to {@code :name}) when {@code value} is not null. */
  public SqlFilter and(String condition, String name, Object value) {
    if (value != null) {
      conditions.add(condition);
      params.put(name, value instanceof Enum<?> e ? e.name() : value);
    }
    return this;
  }

  /** Adds a condition without a parameter. */
  public SqlFilter and(String condition) {
    conditions.add(condition);
    return this;
  }

  /** Adds a named parameter used elsewhere in the statement. */
  public SqlFilter param(String name, Object value) {
    params.put(name, value);
    return this;
  }

  public String where() {
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
    return statement.params(params);
  }

  /**
   * Runs {@code select ... from <from> <where> order by <orderBy> limit/offset} and counts the matching rows up to
   * {@link Page#COUNT_LIMIT} (see {@link Page}). For lists in another order than by id (ranked search results).
   */
  public <T> Page<T> page(JdbcClient jdbc, String select, String from, String orderBy, PageRequest page,
      Class<T> type) {
    List<T> items = bind(jdbc.sql(select + " from " + from + where() + " order by " + orderBy
        + " limit :pageLimit offset :pageOffset"))
        .param("pageLimit", page.size())
        .param("pageOffset", (long) page.page() * page.size())
        .query(RecordRows.of(type))
        .list();
    return counted(jdbc, from, page, items, null);
  }

  /**
   * A page of a list newest first by {@code idColumn}, from {@code page.after()} on when given (keyset paging: an index
   * on the filter's column and the id walks straight to the page), else by offset; the total counted up to
   * {@link Page#COUNT_LIMIT}; {@code next} the id the following page starts after.
   */
  public <T> Page<T> pageById(JdbcClient jdbc, String select, String from, String idColumn, PageRequest page,
      Class<T> type, ToLongFunction<T> idOf) {
    String keyset = page.after() == null ? "" : (conditions.isEmpty() ? " where " : " and ") + idColumn
        + " < :pageAfter";
    List<T> items = bind(jdbc.sql(select + " from " + from + where() + keyset + " order by " + idColumn + " desc"
        + " limit :pageLimit offset :pageOffset"))
        .param("pageAfter", page.after() == null ? 0L : page.after())
        .param("pageLimit", page.size())
        .param("pageOffset", page.offset())
        .query(RecordRows.of(type))
        .list();
    Long next = items.size() == page.size() ? idOf.applyAsLong(items.get(items.size() - 1)) : null;
    return counted(jdbc, from, page, items, next);
  }

  /**
   * {@link #pageById} for a table of millions of rows whose filters are each indexed together with the id (an index on
   * {@code (column, id)}): the page's ids are read first, from the filter's index alone (PostgreSQL reads only the
   * index once vacuum has marked most of the table visible, as it keeps an append-mostly table), and then their rows
   * through the primary key. Asked for whole rows at once, PostgreSQL prefers to walk the primary key newest first and test
   * each row, expecting matches to be spread evenly: when the newest rows are of another kind (25,000 events of one
   * action at the end of the audit trail) it reads all of them before the page (170 ms against 1 ms).
   */
  public <T> Page<T> pageByIdFromIndex(JdbcClient jdbc, String table, String idColumn, PageRequest page,
      Class<T> type, ToLongFunction<T> idOf) {
    List<T> items = bind(jdbc.sql(fromIndexQuery(table, idColumn, page)))
        .param("pageAfter", page.after() == null ? 0L : page.after())
        .param("pageLimit", page.size())
        .param("pageOffset", page.offset())
        .query(RecordRows.of(type))
        .list();
    Long next = items.size() == page.size() ? idOf.applyAsLong(items.get(items.size() - 1)) : null;
    return counted(jdbc, table, page, items, next);
  }

  /** The query of {@link #pageByIdFromIndex}. */
  private String fromIndexQuery(String table, String idColumn, PageRequest page) {
    String keyset = page.after() == null ? "" : (conditions.isEmpty() ? " where " : " and ") + idColumn
        + " < :pageAfter";
    String ids = "select " + idColumn + " from " + table + where() + keyset + " order by " + idColumn + " desc"
        + " limit :pageLimit offset :pageOffset";
    return "select * from " + table + " where " + idColumn + " = any(array(" + ids + ")) order by " + idColumn
        + " desc";
  }

  /**
   * How many rows of {@code from} match, counted up to one more than {@link Page#COUNT_LIMIT} (so a caller can tell
   * "more than the limit" from "exactly the limit").
   */
  public long countUpToLimit(JdbcClient jdbc, String from) {
    return bind(jdbc.sql("select count(*) from (select 1 from " + from + where() + " limit :countLimit) counted"))
        .param("countLimit", Page.COUNT_LIMIT + 1)
        .query(Long.class).single();
  }

  /**
   * The page with its total: known without counting when the first page is not full (or a later page by offset has
   * items but is not full); otherwise counted, stopping at {@link Page#COUNT_LIMIT}.
   */
  private <T> Page<T> counted(JdbcClient jdbc, String from, PageRequest page, List<T> items, Long next) {
    long offset = (long) page.page() * page.size();
    if (page.after() == null && items.size() < page.size() && (page.page() == 0 || !items.isEmpty())) {
      return new Page<>(items, page.page(), page.size(), offset + items.size(), true, next);
    }
    long counted = countUpToLimit(jdbc, from);
    boolean exact = counted <= Page.COUNT_LIMIT;
    return new Page<>(items, page.page(), page.size(), exact ? counted : Page.COUNT_LIMIT, exact, next);
  }
}
