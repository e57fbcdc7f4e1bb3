package pmo.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;
import pmo.IntegrationTest;

/**
 * Finding 12: after a crash, the jobs the dead node had locked wait for their lock to expire (Camunda's default:
 * 5 minutes). The lock is now sized to our short jobs, so another node takes them over within a minute: a job locked
 * by a dead node is left alone while the lock holds and run by this node once it has expired.
 */
class CrashRecoveryTest extends IntegrationTest {

  @Autowired
  JobExecutor jobExecutor;

  @Test
  void theConfiguredLockAndPollingTakeADeadNodesJobsOverWithinAMinute() {
    Properties config = productionConfig();
    long lockTime = Long.parseLong(config.getProperty("camunda.bpm.job-execution.lock-time-in-millis"));
    long maxWait = Long.parseLong(config.getProperty("camunda.bpm.job-execution.max-wait"));
    assertThat(jobExecutor.getLockTimeInMillis()).as("the engine uses the configured lock").isEqualTo(lockTime);
    assertThat(lockTime).as("long enough for a notice step with its SMTP timeouts").isGreaterThanOrEqualTo(30_000);
    assertThat(lockTime + maxWait).as("lock expiry plus the longest idle wait between acquisitions")
        .isLessThanOrEqualTo(60_000);
  }

  @Test
  void aJobLockedByADeadNodeRunsHereOnceItsLockExpires() {
    JobProbe probe = new JobProbe(engine);
    Job job = probe.start();
    long lockTime = jobExecutor.getLockTimeInMillis();

    // another node acquired the job (lock time - 10 s) ago, as the job executor does, then died
    Instant crash = Instant.now();
    Instant acquired = crash.minusMillis(lockTime - 10_000);
    Instant expires = acquired.plusMillis(lockTime);
    int locked = jdbc.sql("""
            update act_ru_job set lock_owner_ = 'dead-node', lock_exp_time_ = :expires, duedate_ = :acquired
             where id_ = :id""")
        .param("expires", Timestamp.from(expires))
        .param("acquired", Timestamp.from(acquired))
        .param("id", job.getId())
        .update();
    assertThat(locked).isEqualTo(1);

    // while the dead node's lock holds, the job is not touched
    await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8)).until(() -> !probe.ended(job));
    assertThat(lockOwner(job)).isEqualTo("dead-node");

    // once it has expired, this node runs it
    await().atMost(Duration.ofSeconds(30)).until(() -> probe.ended(job));
    assertThat(Duration.between(acquired, Instant.now())).as("taken over within a minute of the dead node's lock")
        .isLessThan(Duration.ofMinutes(1));
    assertThat(Instant.now()).isAfter(expires);
  }

  private String lockOwner(Job job) {
    return jdbc.sql("select lock_owner_ from act_ru_job where id_ = :id").param("id", job.getId())
        .query(String.class).optional().orElse(null);
  }

  private static Properties productionConfig() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new FileSystemResource("config/application.yaml"));
    return yaml.getObject();
  }
}
