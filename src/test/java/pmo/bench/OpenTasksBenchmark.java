package pmo.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How the application's flows fare as open tasks pile up (issue 15, item 5), not part of {@code mvn verify}:
 *
 * <pre>
 * PMO_BENCH_DB_URL=... mvn -Pbench test -Dpmo.bench.class=OpenTasksBenchmark [-Dpmo.bench.openTasks=0,1000,4000]
 * </pre>
 *
 * On the application alone, at each level of open tasks (change requests waiting for their assessment, each with its
 * task authorizations), one client works the change request on the PMO route for {@code pmo.bench.seconds} (15); it
 * prints the flows per second, the completions' p50 and p95, and the database time per flow of the engine's
 * statements whose cost grew with the open tasks: the scan of every authorization's group, the revoke check, the
 * look-up of a task's subtasks.
 */
class OpenTasksBenchmark {

  private static final Map<String, String> WATCHED = Map.of(
      "group scan", "SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION",
      // the engine's revoke check, and since AuthorizedGroups ours (its own statements, in lower case)
      "revoke check", "TYPE_ = 2",
      "subtasks", "where PARENT_TASK_ID_ = ?");

  @Test
  void openTasks() throws Exception {
    List<Integer> levels = Arrays.stream(System.getProperty("pmo.bench.openTasks", "0,1000,4000").split(","))
        .map(String::trim).map(Integer::valueOf).toList();
    long seconds = Long.getLong("pmo.bench.seconds", 15);
    String database = System.getProperty("pmo.bench.database", "pmo_bench");
    try (BenchEnvironment bench = BenchEnvironment.start(database, true, Driver.PROJECTS_PER_CLIENT)) {
      Side side = bench.governanceSide();
      JdbcClient jdbc = bench.app.getBean(JdbcClient.class);
      System.out.printf("%nBENCH %s%n", bench.machine());
      new Measurement(0, side, Flow.CHANGE_PMO, 1).run(bench.people, 0, 20_000);

      List<String> rows = new ArrayList<>();
      for (int level : levels) {
        int open = count(jdbc, "ACT_RU_TASK");
        if (level > open) {
          openTasks(bench.governance, bench.people, bench.projects.get(0), level - open);
        }
        side.statements.resetSql();
        Measurement m = new Measurement(level, side, Flow.CHANGE_PMO, 1).run(bench.people, 2000, seconds * 1000);
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %d | %d | %.1f |",
            count(jdbc, "ACT_RU_TASK"), count(jdbc, "ACT_RU_AUTHORIZATION"), m.flowsPerSecond()));
        for (String step : List.of("Task_AssessImpact", "Task_PmoApproval", "Task_ImplementChange",
            "Task_VerifyImplementation")) {
          List<Long> samples = m.steps.getOrDefault(step, List.of());
          row.append(samples.isEmpty() ? " – |" : String.format(Locale.ROOT, " %.0f / %.0f |",
              Report.percentile(samples, 50), Report.percentile(samples, 95)));
        }
        double flows = Math.max(1, m.finished);
        for (String name : List.of("group scan", "revoke check", "subtasks")) {
          long[] matched = side.statements.matching(WATCHED.get(name));
          row.append(String.format(Locale.ROOT, " %.1f × %.2f ms |", matched[0] / flows,
              matched[0] == 0 ? 0 : matched[1] / 1e6 / matched[0]));
        }
        rows.add(row.toString());
        System.out.println("BENCH " + row);
      }
      System.out.println("\nBENCH open tasks (change request, PMO route, 1 client)\n\n"
          + "| open tasks | authorizations | flows/s | assess p50 / p95 ms | PMO approval | implement | verify"
          + " | group scan per flow × ms | revoke check | subtasks look-up |\n"
          + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n" + String.join("\n", rows) + "\n");
    }
  }

  /** Starts change requests that wait for their assessment: each an open task with its authorizations. */
  private static void openTasks(ProcessEngine engine, Side.People people, long project, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicInteger left = new AtomicInteger(count);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      running.add(pool.submit(() -> {
        while (left.getAndDecrement() > 0) {
          Map<String, Object> vars = new HashMap<>();
          vars.put("projectId", project);
          vars.put("title", "Waiting change " + left.get());
          vars.put("description", "Waits for its assessment");
          vars.put("reason", "Background load");
          vars.put("changeType", "normal");
          vars.put("costDelta", 1000);
          vars.put("scheduleDeltaDays", 1);
          vars.put("qualityImpact", "none");
          engine.getIdentityService().setAuthentication(people.requester().id(), people.requester().groups());
          try {
            engine.getRuntimeService().startProcessInstanceByKey("change-request", vars);
          } finally {
            engine.getIdentityService().clearAuthentication();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
  }

  private static int count(JdbcClient jdbc, String table) {
    return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
  }
}
