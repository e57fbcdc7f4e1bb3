package pmo.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds the WHERE clause of a list query from the filters actually given, so each query the database sees has only
 * real conditions and can use its index. Values are always bound as parameters, never concatenated.
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

  /** Runs {@code select ... from <from> <where> order by ... limit/offset} and the matching count. */
  public <T> Page<T> page(JdbcClient jdbc, String select, String from, String orderBy, PageRequest page,
      Class<T> type) {
    List<T> items = bind(jdbc.sql(select + " from " + from + where() + " order by " + orderBy
        + " limit :pageLimit offset :pageOffset"))
        .param("pageLimit", page.size())
        .param("pageOffset", page.offset())
        .query(type)
        .list();
    long total = items.size() < page.size() && (page.page() == 0 || !items.isEmpty())
        ? page.offset() + items.size()
        : bind(jdbc.sql("select count(*) from " + from + where())).query(Long.class).single();
    return Page.of(items, page, total);
  }
}
