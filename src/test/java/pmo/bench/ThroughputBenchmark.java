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

    Server server = Server.fromEnvironment();
    server.recreate(database);
    server.recreate(database + "_bare");

    StatementCounter govStatements = new StatementCounter(sqlProfile);
    StatementCounter bareStatements = new StatementCounter(sqlProfile);
    String password = "bench-" + UUID.randomUUID();
    ConfigurableApplicationContext app = startApplication(server, database, password, govStatements);
    HikariDataSource bareDataSource = null;
    ProcessEngine bare = null;
    try {
      ProcessEngine governance = app.getBean(ProcessEngine.class);
      int poolSize = app.getBean(DataSource.class).unwrap(HikariDataSource.class).getMaximumPoolSize();
      bareDataSource = pool(server, database + "_bare", poolSize);
      bare = BareEngine.build(bareStatements.wrap(bareDataSource), jobSettings(governance, app.getEnvironment()));

      Side.People people = people(governance.getIdentityService(), password);
      List<Long> projects = projects(app.getBean(ProjectService.class), people,
          clients.stream().max(Integer::compare).orElse(1) * Driver.PROJECTS_PER_CLIENT);
      int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
      List<String> engines = List.of(System.getProperty("pmo.bench.engines", "governance,bare").split(","));
      List<Side> sides = new ArrayList<>(List.of(new Sides.Governance(governance, govStatements, port, password,
          projects), new Sides.Bare(bare, bareStatements)));
      sides.removeIf(side -> !engines.contains(side.name));

      String machine = machine(server, poolSize);
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
              System.out.printf(Locale.ROOT, "BENCH round %d %-10s %-40s %2d clients: %6.1f flows/s, %5.0f statements,"
                      + " %5.1f ms db, %5.1f ms cpu per flow, %d errors%n", round, side.name, flow.label, c,
                  m.flowsPerSecond(), m.statementsPerFlow(), m.dbMillisPerFlow(), m.cpuMillisPerFlow(), m.errors);
              if (sqlProfile && round == 1) {
                printSql(side, m);
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
      String command = "mvn -Pbench test" + (rounds != 3 ? " -Dpmo.bench.rounds=" + rounds : "")
          + (seconds != 8 ? " -Dpmo.bench.seconds=" + seconds : "");
      String markdown = report.markdown(machine, LocalDate.now().toString(), command, rounds, seconds);
      Report.write(dir.resolve("throughput.md"), markdown);
      System.out.println("BENCH README section (target/bench/throughput.md):\n\n" + markdown);
      if (Boolean.getBoolean("pmo.bench.readme")) {
        updateReadme(markdown);
      }
    } finally {
      if (bare != null) {
        bare.close();
      }
      if (bareDataSource != null) {
        bareDataSource.close();
      }
      app.close();
    }
  }

  private static ConfigurableApplicationContext startApplication(Server server, String database, String password,
      StatementCounter statements) {
    BeanPostProcessor counting = new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource dataSource && "dataSource".equals(name) ? statements.wrap(dataSource) : bean;
      }
    };
    return new SpringApplicationBuilder(PmoApplication.class)
        .initializers(context -> context.getBeanFactory().addBeanPostProcessor(counting))
        .run("--spring.profiles.active=postgres,bench",
            "--spring.datasource.url=" + server.url(database),
            "--spring.datasource.username=" + server.user,
            "--spring.datasource.password=" + server.password,
            "--camunda.bpm.admin-user.password=" + password,
            "--server.port=0",
            "--spring.main.banner-mode=off",
            "--logging.level.root=WARN");
  }

  /** The application's job executor settings (Spring Boot starter defaults where not configured). */
  private static BareEngine.JobSettings jobSettings(ProcessEngine governance, Environment env) {
    JobExecutor jobs = ((ProcessEngineConfigurationImpl) governance.getProcessEngineConfiguration()).getJobExecutor();
    return new BareEngine.JobSettings(env.getProperty("camunda.bpm.job-execution.core-pool-size", Integer.class, 3),
        env.getProperty("camunda.bpm.job-execution.max-pool-size", Integer.class, 10),
        env.getProperty("camunda.bpm.job-execution.queue-capacity", Integer.class, 3),
        jobs.getMaxJobsPerAcquisition(), jobs.getWaitTimeInMillis(), jobs.getMaxWait(), jobs.getLockTimeInMillis());
  }

  private static HikariDataSource pool(Server server, String database, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.url(database));
    config.setUsername(server.user);
    config.setPassword(server.password);
    config.setMaximumPoolSize(size);
    config.setPoolName("bare");
    return new HikariDataSource(config);
  }

  /** The users of the flows, in both engines' terms; in the application they exist with these groups. */
  private static Side.People people(IdentityService identity, String password) {
    Side.User requester = user(identity, password, "bench-rita", Roles.REQUESTERS);
    Side.User manager = user(identity, password, "bench-paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    Side.User pmo = user(identity, password, "bench-olga", Roles.REQUESTERS, Roles.PMO);
    Side.User sponsor = user(identity, password, "bench-sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    Side.User owner = user(identity, password, "bench-rob", Roles.REQUESTERS);
    return new Side.People(requester, manager, pmo, sponsor, owner);
  }

  private static Side.User user(IdentityService identity, String password, String id, String... groups) {
    User user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("Bench");
    user.setEmail(id + "@bench.test");
    user.setPassword(password);
    identity.saveUser(user);
    for (String group : groups) {
      identity.createMembership(id, group);
    }
    return new Side.User(id, List.of(groups));
  }

  /** Projects for the clients' change requests and risks ({@link Driver#PROJECTS_PER_CLIENT} each). */
  private static List<Long> projects(ProjectService projects, Side.People people, int count) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(projects.register(new NewProject(null, "Benchmark project " + (i + 1), "Target of the benchmark",
          people.sponsor().id(), people.manager().id(), "IT", "Throughput", new BigDecimal("100000.00"),
          LocalDate.now(), LocalDate.now().plusDays(99), "The benchmark's scope")).project().id());
    }
    return ids;
  }

  private static void printSql(Side side, Measurement m) {
    System.out.printf("BENCH statements of %s %s (%d clients), per flow, most frequent first:%n", side.name,
        m.flow.label, m.clients);
    // counted since the measurement started (warm-up included), so per flow over all flows the clients finished
    double flows = Math.max(1, m.finished);
    for (Map.Entry<String, long[]> e : side.statements.top(60)) {
      System.out.printf(Locale.ROOT, "  %7.2f %8.2f ms  %s%n", e.getValue()[0] / flows, e.getValue()[1] / 1e6 / flows,
          e.getKey());
    }
  }

  private static String machine(Server server, int poolSize) throws SQLException {
    String cpu = "";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("");
    } catch (IOException e) {
      // not Linux: no model name
    }
    long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getTotalMemorySize();
    return String.format(Locale.ROOT, "%d cores%s, %d GB RAM, PostgreSQL %s (same machine, fsync %s), Java %s,"
            + " pool %d connections per engine", Runtime.getRuntime().availableProcessors(),
        cpu.isEmpty() ? "" : " (" + cpu + ")", Math.round(memory / 1e9), server.setting("server_version"),
        server.setting("fsync"), System.getProperty("java.version"), poolSize);
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

  /** The PostgreSQL server of the benchmark. */
  private record Server(String base, String user, String password) {

    static Server fromEnvironment() {
      String url = env("PMO_BENCH_DB_URL", env("PMO_TEST_DB_URL", null));
      if (url == null || !url.startsWith("jdbc:postgresql://")) {
        throw new IllegalStateException("the benchmark needs PostgreSQL: set PMO_BENCH_DB_URL (or PMO_TEST_DB_URL),"
            + " e.g. jdbc:postgresql://127.0.0.1:5432/postgres, and its _USER and _PASSWORD");
      }
      String rest = url.substring("jdbc:postgresql://".length());
      String hostPort = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
      boolean bench = System.getenv("PMO_BENCH_DB_URL") != null;
      return new Server("jdbc:postgresql://" + hostPort + "/",
          env(bench ? "PMO_BENCH_DB_USER" : "PMO_TEST_DB_USER", "postgres"),
          env(bench ? "PMO_BENCH_DB_PASSWORD" : "PMO_TEST_DB_PASSWORD", ""));
    }

    String url(String database) {
      return base + database;
    }

    void recreate(String database) throws SQLException {
      if (!database.matches("[a-z_][a-z0-9_]*")) {
        throw new IllegalArgumentException("database name " + database);
      }
      try (Connection c = DriverManager.getConnection(url("postgres"), user, password);
          Statement s = c.createStatement()) {
        s.execute("drop database if exists " + database + " with (force)");
        s.execute("create database " + database);
      }
    }

    String setting(String name) throws SQLException {
      try (Connection c = DriverManager.getConnection(url("postgres"), user, password);
          Statement s = c.createStatement(); var rs = s.executeQuery("show " + name)) {
        rs.next();
        return rs.getString(1);
      }
    }

    private static String env(String name, String fallback) {
      String value = System.getenv(name);
      return value == null || value.isBlank() ? fallback : value;
    }
  }
}
