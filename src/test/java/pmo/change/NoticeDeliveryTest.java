package pmo.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import pmo.notice.Notice;
import pmo.notice.NoticeStatus;

/**
 * A mail server that is down loses no notice: the asynchronous "send outcome notices" step fails, its job is retried
 * (then becomes an incident), and the outbox keeps every notice PENDING with the error until a retry gets through.
 */
class NoticeDeliveryTest extends ChangeTestSupport {

  @Test
  void mailServerDownKeepsTheNoticesPendingAndTheJobRetriesUntilItIsBack() throws Exception {
    long projectId = project();
    ProcessInstance pi;
    Job job;
    MAIL.stop();
    try {
      pi = raiseAndAssess(projectId, "standard", 1000, 0, "none");
      ChangeRequest approved = requestOf(pi);
      assertThat(approved.status()).isEqualTo(ChangeStatus.APPROVED);
      job = management.createJobQuery().processInstanceId(pi.getId())
          .activityId(ChangeRequestProcess.TASK_SEND_NOTICES).singleResult();
      assertThat(job).as("the send step waits as a job").isNotNull();
      await().atMost(Duration.ofSeconds(30))
          .until(() -> management.createJobQuery().jobId(job.getId()).singleResult().getRetries() < 3);

      Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
      assertThat(failed.getExceptionMessage()).contains("3 of 3 notice(s) not sent, kept PENDING for the retry");
      // pmo.notice.retries and retry-interval (3, PT5M), read by the model as ${noticeDelivery.retryCycle()}
      assertThat(failed.getDuedate()).as("next retry 5 minutes on")
          .isBetween(java.util.Date.from(java.time.Instant.now().plusSeconds(200)),
              java.util.Date.from(java.time.Instant.now().plusSeconds(301)));
      List<Notice> kept = notices.forRelated(ChangeRequestService.ENTITY, approved.id());
      assertThat(kept).hasSize(3).allSatisfy(n -> {
        assertThat(n.status()).isEqualTo(NoticeStatus.PENDING);
        assertThat(n.attempts()).isEqualTo(1);
        assertThat(n.lastError()).contains("MailSendException");
        assertThat(n.sentAt()).isNull();
      });
      assertThat(runtime.createExecutionQuery().processInstanceId(pi.getId())
          .activityId(ChangeRequestProcess.TASK_SEND_NOTICES).count()).isEqualTo(1);
      assertThat(projects.get(projectId).baselines()).hasSize(2);
      assertThat(jdbc.sql("select count(*) from audit_event where action = 'NOTICE_SEND_FAILED' and entity_id in "
          + "(select cast(id as varchar(64)) from notice where related_type = 'CHANGE_REQUEST' and related_id = :id)")
          .param("id", String.valueOf(approved.id())).query(Long.class).single()).isEqualTo(3);

      // the last retry fails too: an incident for the operator, the notices still kept
      management.setJobRetries(job.getId(), 1);
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("not sent");
      assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
      assertThat(notices.forRelated(ChangeRequestService.ENTITY, approved.id()))
          .allSatisfy(n -> assertThat(n.status()).isEqualTo(NoticeStatus.PENDING))
          .allSatisfy(n -> assertThat(n.attempts()).isEqualTo(2));
    } finally {
      MAIL.start();
    }

    // the server is back: the operator retries the job and every notice goes out once
    int before = MAIL.getReceivedMessages().length;
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());
    ChangeRequest request = requestOf(pi);
    assertThat(notices.forRelated(ChangeRequestService.ENTITY, request.id())).allSatisfy(n -> {
      assertThat(n.status()).isEqualTo(NoticeStatus.SENT);
      assertThat(n.attempts()).isEqualTo(3);
      assertThat(n.sentAt()).isNotNull();
    });
    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(Arrays.copyOfRange(received, before, received.length)).extracting(MimeMessage::getSubject)
        .containsOnly(request.reference() + " approved: " + request.title()).hasSize(3);
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    awaitAt(pi, ChangeRequestProcess.TASK_IMPLEMENT);
  }
}
