package pmo.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Rows mapped to a record (or class) exactly as {@code JdbcClient.query(Class)} maps them, with Spring's
 * {@link SimplePropertyRowMapper}, but without what that costs per row: for every constructor parameter it asks the
 * result set for the column of the parameter's own name ({@code occurredAt}) and only then for its snake-case name
 * ({@code occurred_at}); the JDBC drivers answer the first question with an exception, message and stack trace. That is
 * one exception per camel-case parameter per row: about 400 for a page of 20 change requests, 900 for the 100 audit
 * events of a project's timeline, the largest part of their mapping time (100 audit events: 8 ms against 1.8 ms
 * read by column name, on the shared machine of issue 15). Here the result set answers both questions from its column
 * labels, read once per query; a name that matches neither column goes to the driver as before.
 *
 * <p>One instance per query (it holds that query's result set): {@code query(RecordRows.of(Type.class))}.
 */
public final class RecordRows<T> implements RowMapper<T> {

  private static final Map<Class<?>, SimplePropertyRowMapper<?>> MAPPERS = new ConcurrentHashMap<>();

  private final SimplePropertyRowMapper<T> mapper;
  private ResultSet rows;
  private ResultSet labelled;

  private RecordRows(SimplePropertyRowMapper<T> mapper) {
    this.mapper = mapper;
  }

  @SuppressWarnings("unchecked")
  public static <T> RecordRows<T> of(Class<T> type) {
    return new RecordRows<>((SimplePropertyRowMapper<T>) MAPPERS.computeIfAbsent(type, SimplePropertyRowMapper::new));
  }

  @Override
  public T mapRow(ResultSet rs, int rowNum) throws SQLException {
    if (rs != rows) {
      rows = rs;
      labelled = labelled(rs);
    }
    return mapper.mapRow(labelled, rowNum);
  }

  /**
   * The result set, finding a column by its label in any case (as the drivers do, the first of equal labels) or by the
   * snake-case form of the name asked for.
   */
  private static ResultSet labelled(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    Map<String, Integer> columns = new HashMap<>();
    for (int i = meta.getColumnCount(); i >= 1; i--) {
      columns.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
    }
    return (ResultSet) Proxy.newProxyInstance(RecordRows.class.getClassLoader(), new Class<?>[] {ResultSet.class},
        (proxy, method, args) -> {
          if ("findColumn".equals(method.getName()) && args != null && args.length == 1 && args[0] instanceof String n) {
            Integer index = columns.get(n.toLowerCase(Locale.ROOT));
            if (index == null) {
              index = columns.get(JdbcUtils.convertPropertyNameToUnderscoreName(n));
            }
            if (index != null) {
              return index;
            }
          }
          try {
            return method.invoke(rs, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
