package pmo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring Boot test configuration of the suite: the real application on a random port with the real engine
 * and the real database, PostgreSQL when {@code PMO_TEST_DB_URL} is set (CI), an in-memory H2 otherwise. Every test
 * class extends it, so Spring and the engine start once per run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

  public static final String PASSWORD = "test-password";

  /**
   * One in-process SMTP server (GreenMail) for the whole suite, on a fixed free port so a test can stop it (a mail
   * server that is down) and start it again; the application sends its mail there.
   */
  protected static final int SMTP_PORT = freePort();
  protected static final GreenMail MAIL = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1",
      ServerSetup.PROTOCOL_SMTP));

  static {
    MAIL.start();
  }

  @Autowired
  protected ProcessEngine engine;
  @Autowired
  protected IdentityService identityService;
  @Autowired
  protected JdbcClient jdbc;
  @Autowired
  protected pmo.platform.engine.SystemActions system;

  @DynamicPropertySource
  static void testSettings(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
    registry.add("camunda.bpm.job-execution.wait-time-in-millis", () -> "200");
    registry.add("camunda.bpm.job-execution.max-wait", () -> "500");
    // the job executor watchdog looks every second (pmo.platform.engine.JobExecutorWatchdogTest)
    registry.add("pmo.job-executor.watchdog-interval", () -> "PT1S");
    registry.add("camunda.bpm.generic-properties.properties.loginDelayBase", () -> "0");
    // short login locks, so a test can wait one out; every test logs in from 127.0.0.1, so the per-address limit
    // stays far above the few wrong passwords the suite sends
    registry.add("pmo.security.login-throttle.attempts-per-user", () -> "3");
    registry.add("pmo.security.login-throttle.attempts-per-address", () -> "40");
    registry.add("pmo.security.login-throttle.window", () -> "PT10S");
    // long enough for a loaded CI machine to send the locked requests before the lock ends
    registry.add("pmo.security.login-throttle.lock-duration", () -> "PT3S");
    registry.add("camunda.bpm.admin-user.password", () -> PASSWORD);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @BeforeEach
  void initAssertions() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void clearEngineUser() {
    identityService.clearAuthentication();
  }

  /** Makes sure a user exists with exactly these groups (password {@link #PASSWORD}). */
  protected String user(String id, String... groups) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName(id);
      user.setLastName("Test");
      user.setEmail(id + "@pmo.test");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
    List<String> wanted = Arrays.asList(groups);
    identityService.createGroupQuery().groupMember(id).unlimitedList().stream()
        .filter(g -> !wanted.contains(g.getId()))
        .forEach(g -> identityService.deleteMembership(id, g.getId()));
    for (String group : wanted) {
      if (identityService.createGroupQuery().groupId(group).groupMember(id).count() == 0) {
        identityService.createMembership(id, group);
      }
    }
    return id;
  }

  /**
   * Has this user read their notices in this language ({@code en} or {@code zh-CN}), as {@code PUT /api/me/language}
   * keeps it. Give a reader of Chinese an id of its own, and take its groups away after the test ({@code user(id)}):
   * the users of the suite are shared, and other tests read their notices in English.
   */
  protected String reading(String userId, String language) {
    identityService.setUserInfo(userId, pmo.platform.identity.Directory.LANGUAGE_KEY, language);
    return userId;
  }

  /** Acts as this user towards the engine, as Tasklist and the engine REST API do after login. */
  protected void actAs(String userId) {
    // unlimitedList: a test may still act as someone, and the engine refuses unbounded lists to authenticated users
    List<String> groups = identityService.createGroupQuery().groupMember(userId).unlimitedList().stream()
        .map(g -> g.getId()).toList();
    identityService.setAuthentication(userId, groups);
  }

  /**
   * The form of {@code task} as {@code userId} fetches it through the engine, which is what Tasklist shows: pickers
   * are filled in by the server then.
   */
  protected com.fasterxml.jackson.databind.JsonNode fetchedTaskForm(String userId,
      org.camunda.bpm.engine.task.Task task) {
    actAs(userId);
    try (java.io.InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(form);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The options of the select {@code key} (also inside a dynamic list) of the fetched form: JSON label and value. */
  protected String formOptions(String userId, org.camunda.bpm.engine.task.Task task, String key) {
    for (com.fasterxml.jackson.databind.JsonNode field : fetchedTaskForm(userId, task).findParents("key")) {
      if (key.equals(field.path("key").asText())) {
        return field.path("values").toString();
      }
    }
    throw new AssertionError("no field " + key + " in the form of " + task.getTaskDefinitionKey());
  }

  /**
   * Works the one open task of a process instance as {@code userId}: claims it if nobody has, then completes it
   * with the given variables, as Tasklist does.
   */
  protected void complete(String userId, String processInstanceId, java.util.Map<String, Object> variables) {
    actAs(userId);
    try {
      var tasks = engine.getTaskService();
      var task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
      org.assertj.core.api.Assertions.assertThat(task).as("an open task visible to " + userId).isNotNull();
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), userId);
      }
      tasks.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Starts a process as {@code userId} (who becomes its initiator). */
  protected org.camunda.bpm.engine.runtime.ProcessInstance start(String userId, String key,
      java.util.Map<String, Object> variables) {
    actAs(userId);
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(key, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /**
   * Starts a process as the system does on a user's behalf (the REST API raising an assessed risk, another capability):
   * the user stays its initiator; the start form's contract binds users, not the system.
   */
  protected org.camunda.bpm.engine.runtime.ProcessInstance startForUser(String userId, String key,
      java.util.Map<String, Object> variables) {
    actAs(userId);
    String id;
    try {
      id = system.startProcess(key, null, variables);
    } finally {
      identityService.clearAuthentication();
    }
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  /**
   * What the call threw, unwrapped: the engine passes a delegate's exception through but wraps a task listener's,
   * so tests look at the innermost cause.
   */
  protected static Throwable failureOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    org.assertj.core.api.Assertions.assertThat(thrown).as("expected a failure").isNotNull();
    while (thrown.getCause() != null && thrown.getCause() != thrown) {
      thrown = thrown.getCause();
    }
    return thrown;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A unique suffix so tests sharing one database never collide. */
  protected static String unique() {
    return Long.toString(System.nanoTime(), 36);
  }
}
