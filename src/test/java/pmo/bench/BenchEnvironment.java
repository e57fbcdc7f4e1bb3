package pmo.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import com.fasterxml.jackson.databind.ObjectMapper;
import pmo.PmoApplication;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.ProjectService;
import pmo.risk.RiskRaising;

/**
 * What every benchmark run sets up: on the PostgreSQL server of {@code PMO_BENCH_DB_URL} (or {@code PMO_TEST_DB_URL})
 * two new databases, the application on the first (profile {@code postgres}, its real configuration, a random port)
 * and the bare engine on the second, each with its data source wrapped to count statements; the users of the flows
 * and their projects.
 */
final class BenchEnvironment implements AutoCloseable {

  final Server server;
  final ConfigurableApplicationContext app;
  final ProcessEngine governance;
  final ProcessEngine bare;
  final StatementCounter governanceStatements;
  final StatementCounter bareStatements;
  final Side.People people;
  final List<Long> projects;
  final int poolSize;
  private final HikariDataSource bareDataSource;

  private BenchEnvironment(String database, boolean sqlProfile, int projectCount) throws SQLException {
    server = Server.fromEnvironment();
    server.recreate(database);
    server.recreate(database + "_bare");
    governanceStatements = new StatementCounter(sqlProfile);
    bareStatements = new StatementCounter(sqlProfile);
    String password = "bench-" + UUID.randomUUID();
    app = startApplication(server, database, password, governanceStatements);
    governance = app.getBean(ProcessEngine.class);
    poolSize = app.getBean(DataSource.class).unwrap(HikariDataSource.class).getMaximumPoolSize();
    bareDataSource = pool(server, database + "_bare", poolSize);
    bare = BareEngine.build(bareStatements.wrap(bareDataSource), jobSettings(governance, app.getEnvironment()));
    people = people(governance.getIdentityService(), password);
    projects = projects(app.getBean(ProjectService.class), people, projectCount);
  }

  static BenchEnvironment start(String database, boolean sqlProfile, int projectCount) throws SQLException {
    return new BenchEnvironment(database, sqlProfile, projectCount);
  }

  Side governanceSide() {
    return new Sides.Governance(governance, governanceStatements, app.getBean(RiskRaising.class),
        app.getBean(ObjectMapper.class), projects);
  }

  Side bareSide() {
    return new Sides.Bare(bare, bareStatements);
  }

  @Override
  public void close() {
    bare.close();
    bareDataSource.close();
    app.close();
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

  String machine() throws SQLException {
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

  /** The PostgreSQL server of the benchmark. */
  record Server(String base, String user, String password) {

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
