package pmo.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import pmo.PmoApplication;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.ProjectService;

/**
 * The throughput benchmark (issue 15), not part of {@code mvn verify}. Run it with
 *
 * <pre>
 * PMO_BENCH_DB_URL=jdbc:postgresql://127.0.0.1:5432/postgres PMO_BENCH_DB_USER=postgres PMO_BENCH_DB_PASSWORD=... \
 *   mvn -Pbench test
 * </pre>
 *
 * (without {@code PMO_BENCH_DB_*} it takes the server of {@code PMO_TEST_DB_*}). On that PostgreSQL server it drops
 * and creates two databases, {@code pmo_bench} for the application and {@code pmo_bench_bare} for the bare engine
 * ({@code -Dpmo.bench.database=} names them). In one JVM it starts the application (profile {@code postgres}, its
 * real configuration) and a bare Camunda 7 engine ({@link BareEngine}); then, round after round, for 1, 4 and 16
 * clients, it works each flow on the application, then the same BPMN files on the bare engine (the order swaps every
 * round), and the minimal flow on the bare engine. It prints flows per second, the governance ÷ bare ratios, the
 * scaling from 1 to 16 clients, p50/p95 per step, statements, their database time and JVM CPU per flow, and the
 * targets of issue 15; it writes the raw figures to {@code target/bench/} and the README's results section to
 * {@code target/bench/throughput.md} ({@code -Dpmo.bench.readme=true} also replaces that section of README.md).
 *
 * <p>Settings (system properties, {@code -D...} on the Maven command line): {@code pmo.bench.rounds} (3),
 * {@code pmo.bench.clients} (1,4,16), {@code pmo.bench.flows} (risk,change-std,change-pmo,intake,minimal),
 * {@code pmo.bench.seconds} (8, the measuring window), {@code pmo.bench.warmup} (2, seconds before each window),
 * {@code pmo.bench.warmupRound} (15: seconds each flow runs on each engine with 4 clients before the first round, so
 * the JIT compiler is done before anything is measured),
 * {@code pmo.bench.sql} (false: true prints the statements each flow sends most, for profiling),
 * {@code pmo.bench.engines} (governance,bare: one of them alone, for profiling),
 * {@code pmo.bench.jvm} (extra JVM options, such as a flight recording: see the README).
 */
class ThroughputBenchmark {

  private static final String README_BEGIN = "<!-- throughput-benchmark:begin -->";
  private static final String README_END = "<!-- throughput-benchmark:end -->";

  @Test
  void throughput() throws Exception {
    int rounds = Integer.getInteger("pmo.bench.rounds", 3);
    List<Integer> clients = Arrays.stream(System.getProperty("pmo.bench.clients", "1,4,16").split(","))
        .map(String::trim).map(Integer::valueOf).toList();
    List<Flow> flows = Arrays.stream(System.getProperty("pmo.bench.flows",
            "risk,change-std,change-pmo,intake,minimal").split(","))
        .map(String::trim).map(id -> Arrays.stream(Flow.values()).filter(f -> f.id.equals(id)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown flow " + id))).toList();
    long seconds = Long.getLong("pmo.bench.seconds", 8);
    long warmup = Long.getLong("pmo.bench.warmup", 2);
    long warmupRound = Long.getLong("pmo.bench.warmupRound", 15);
    boolean sqlProfile = Boolean.getBoolean("pmo.bench.sql");
    String database = System.getProperty("pmo.bench.database", "pmo_bench");

    try (BenchEnvironment bench = BenchEnvironment.start(database, sqlProfile,
        clients.stream().max(Integer::compare).orElse(1) * Driver.PROJECTS_PER_CLIENT)) {
      Side.People people = bench.people;
      List<String> engines = List.of(System.getProperty("pmo.bench.engines", "governance,bare").split(","));
      List<Side> sides = new ArrayList<>(List.of(bench.governanceSide(), bench.bareSide()));
      sides.removeIf(side -> !engines.contains(side.name));

      String machine = bench.machine();
      System.out.printf("%nBENCH %s; rounds %d, clients %s, %d s windows after %d s warm-up%n", machine, rounds,
          clients, seconds, warmup);

      // round 0 warms up the JVM (and checks every flow runs) and is not counted
      List<Measurement> measurements = new ArrayList<>();
      for (Flow flow : flows) {
        for (Side side : sides) {
          if (side.runs(flow)) {
            Measurement m = new Measurement(0, side, flow, 4).run(people, 0, warmupRound * 1000);
            System.out.printf("BENCH warm-up %-10s %-40s %d flows, %d errors%n", side.name, flow.label,
                m.finished, m.errors);
            if (m.finished == 0 || m.errors > 0) {
              throw new IllegalStateException(side.name + " did not work " + flow.label + " without errors (see above)");
            }
          }
        }
      }
      for (int round = 1; round <= rounds; round++) {
        for (int c : clients) {
          for (Flow flow : flows) {
            List<Side> order = new ArrayList<>(sides);
            if (round % 2 == 0) {
              java.util.Collections.reverse(order);
            }
            for (Side side : order) {
              if (!side.runs(flow)) {
                continue;
              }
              side.statements.resetSql();
              Measurement m = new Measurement(round, side, flow, c).run(people, warmup * 1000, seconds * 1000);
              measurements.add(m);
              System.out.printf(Locale.ROOT, "BENCH round %d %-10s %-40s %2d clients: %6.1f flows/s, %5.0f statements"
                      + " (%4.0f round trips), %6.1f ms db, %5.1f ms cpu per flow, %d errors%n", round, side.name,
                  flow.label, c, m.flowsPerSecond(), m.statementsPerFlow(), m.roundTripsPerFlow(), m.dbMillisPerFlow(),
                  m.cpuMillisPerFlow(), m.errors);
              if (sqlProfile && round == 1) {
                m.printStatements(60);
              }
            }
          }
        }
      }

      Report report = new Report(measurements, clients, flows);
      System.out.println(report.summary());
      String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
      Path dir = Path.of("target", "bench");
      report.writeCsv(dir.resolve("throughput-" + stamp + "-runs.csv"), dir.resolve("throughput-" + stamp
          + "-steps.csv"));
      // the command as given: every pmo.bench.* setting of this run but the README switch
      String command = "mvn -Pbench test" + System.getProperties().stringPropertyNames().stream()
          .filter(name -> name.startsWith("pmo.bench.") && !name.equals("pmo.bench.readme")).sorted()
          .map(name -> " -D" + name + "=" + System.getProperty(name)).collect(java.util.stream.Collectors.joining());
      String markdown = report.markdown(machine, LocalDate.now().toString(), command, rounds, seconds);
      Report.write(dir.resolve("throughput.md"), markdown);
      System.out.println("BENCH README section (target/bench/throughput.md):\n\n" + markdown);
      if (Boolean.getBoolean("pmo.bench.readme")) {
        updateReadme(markdown);
      }
    }
  }

  private static void updateReadme(String markdown) throws IOException {
    Path readme = Path.of("README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int begin = text.indexOf(README_BEGIN);
    int end = text.indexOf(README_END);
    if (begin < 0 || end < begin) {
      throw new IllegalStateException("README.md has no " + README_BEGIN + " ... " + README_END + " section");
    }
    Files.writeString(readme, text.substring(0, begin + README_BEGIN.length()) + "\n" + markdown
        + text.substring(end), StandardCharsets.UTF_8);
    System.out.println("BENCH README.md updated");
  }
}
