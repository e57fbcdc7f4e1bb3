package pmo.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements one engine sends (the benchmark only): a JDBC proxy around its data source that counts each
 * execution (a batch counts as the statements in it) and the time spent in them, and optionally the count and time
 * per SQL text, which shows where the statements of a flow come from. Statements sent by a thread inside
 * {@link #ignored(Runnable)} (the benchmark's own polling for a task the job executor is about to create) are not
 * counted.
 */
final class StatementCounter {

  private static final ThreadLocal<Boolean> IGNORED = ThreadLocal.withInitial(() -> false);

  final LongAdder statements = new LongAdder();
  /** Executions: a batch of statements is one round trip to the database. */
  final LongAdder roundTrips = new LongAdder();
  final LongAdder nanos = new LongAdder();
  private final boolean bySql;
  private final Map<String, long[]> perSql = new ConcurrentHashMap<>();

  StatementCounter(boolean bySql) {
    this.bySql = bySql;
  }

  DataSource wrap(DataSource target) {
    return new DelegatingDataSource(target) {
      @Override
      public Connection getConnection() throws SQLException {
        return connection(super.getConnection());
      }

      @Override
      public Connection getConnection(String username, String password) throws SQLException {
        return connection(super.getConnection(username, password));
      }
    };
  }

  static void ignored(Runnable work) {
    boolean before = IGNORED.get();
    IGNORED.set(true);
    try {
      work.run();
    } finally {
      IGNORED.set(before);
    }
  }

  long statements() {
    return statements.sum();
  }

  long roundTrips() {
    return roundTrips.sum();
  }

  long nanos() {
    return nanos.sum();
  }

  /** The SQL texts sent most often since the last reset, with count and total milliseconds. */
  List<Map.Entry<String, long[]>> top(int n) {
    return perSql.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed())
        .limit(n).toList();
  }

  /** Count and total nanoseconds of the statements (since the last reset) whose text contains {@code fragment}. */
  long[] matching(String fragment) {
    long[] sum = new long[2];
    perSql.forEach((sql, v) -> {
      if (sql.contains(fragment)) {
        sum[0] += v[0];
        sum[1] += v[1];
      }
    });
    return sum;
  }

  void resetSql() {
    perSql.clear();
  }

  private void count(String sql, int executions, long elapsed) {
    if (IGNORED.get()) {
      return;
    }
    statements.add(executions);
    roundTrips.increment();
    nanos.add(elapsed);
    if (bySql && sql != null) {
      long[] entry = perSql.computeIfAbsent(normalise(sql), k -> new long[2]);
      synchronized (entry) {
        entry[0] += executions;
        entry[1] += elapsed;
      }
    }
  }

  private static String normalise(String sql) {
    String flat = sql.replaceAll("\\s+", " ").trim();
    return flat.length() > 240 ? flat.substring(0, 240) : flat;
  }

  private Connection connection(Connection target) {
    return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class},
        new Handler(target, null, true));
  }

  /** Wraps a connection (creating wrapped statements) or a statement (counting its executions). */
  private final class Handler implements InvocationHandler {

    private final Object target;
    private final String sql;
    private final boolean isConnection;
    private int batched;

    Handler(Object target, String sql, boolean isConnection) {
      this.target = target;
      this.sql = sql;
      this.isConnection = isConnection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("equals")) {
        return proxy == args[0];
      }
      if (name.equals("hashCode")) {
        return System.identityHashCode(proxy);
      }
      if (isConnection) {
        Object result = call(method, args);
        if (result instanceof Statement statement && (name.startsWith("prepare") || name.equals("createStatement"))) {
          String text = name.equals("createStatement") ? null : (String) args[0];
          Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
              : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
          return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type},
              new Handler(statement, text, false));
        }
        return result;
      }
      if (name.equals("addBatch")) {
        batched++;
        return call(method, args);
      }
      if (name.startsWith("execute")) {
        String text = sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String s ? s : null;
        boolean batch = name.equals("executeBatch") || name.equals("executeLargeBatch");
        int executions = batch ? Math.max(batched, 1) : 1;
        batched = batch ? 0 : batched;
        long start = System.nanoTime();
        try {
          return call(method, args);
        } finally {
          count(text, executions, System.nanoTime() - start);
        }
      }
      return call(method, args);
    }

    private Object call(Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
