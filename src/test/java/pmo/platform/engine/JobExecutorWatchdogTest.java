package pmo.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;

/**
 * Finding 8: when the job acquisition thread dies (as after an OutOfMemoryError) the engine still calls the job
 * executor active and no job runs again. Now {@code /actuator/health} reports it DOWN and the watchdog restarts it
 * (after seeing it dead twice, one interval apart: 1 s in tests); a job then runs again. A job executor shut down on
 * purpose is DOWN too, and is left alone by the watchdog.
 */
class JobExecutorWatchdogTest extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  JobExecutor jobExecutor;
  @Autowired
  JobExecutorWatchdog watchdog;
  @Autowired
  TestRestTemplate rest;

  @AfterEach
  void jobExecutorRunsAgain() {
    jobExecutor.start(); // no-op when active
    await().atMost(Duration.ofSeconds(30)).until(() -> JobAcquisition.of(jobExecutor) == JobAcquisition.State.RUNNING);
  }

  @Test
  void deadAcquisitionThreadIsHealthDownAndTheWatchdogRestartsIt() throws Exception {
    assertThat(jobExecutorHealth()).isEqualTo("UP");
    int restarts = watchdog.restarts();

    // the acquisition loop ends while the executor stays "active": what an OutOfMemoryError in it leaves behind
    jobExecutor.getAcquireJobsRunnable().stop();

    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
        .until(() -> "DOWN".equals(jobExecutorHealth()));
    assertThat(jobExecutor.isActive()).as("the engine alone does not notice").isTrue();
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(503);

    await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(jobExecutorHealth()));
    assertThat(watchdog.restarts()).isEqualTo(restarts + 1);

    // and jobs run again: a due timer fires
    JobProbe probe = new JobProbe(engine);
    Job timer = probe.start();
    engine.getManagementService().setJobDuedate(timer.getId(), new Date());
    await().atMost(Duration.ofSeconds(30)).until(() -> probe.ended(timer));
  }

  @Test
  void jobExecutorShutDownIsHealthDownUntilStartedAgain() throws Exception {
    int restarts = watchdog.restarts();
    jobExecutor.shutdown();
    assertThat(jobExecutorHealth()).isEqualTo("DOWN");
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
        .until(() -> "DOWN".equals(jobExecutorHealth()));
    assertThat(watchdog.restarts()).as("a deliberate shutdown is not undone").isEqualTo(restarts);

    jobExecutor.start();
    assertThat(jobExecutorHealth()).isEqualTo("UP");
  }

  @Test
  void healthShowsComponentsWithoutDetails() throws Exception {
    JsonNode health = JSON.readTree(rest.getForEntity("/actuator/health", String.class).getBody());
    assertThat(health.path("components").path("jobExecutor").path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
    assertThat(health.toString()).doesNotContain("details", "lockOwner", "jdbc:", "password");
  }

  private String jobExecutorHealth() throws Exception {
    ResponseEntity<String> response = rest.getForEntity("/actuator/health", String.class);
    return JSON.readTree(response.getBody()).path("components").path("jobExecutor").path("status").asText();
  }
}
