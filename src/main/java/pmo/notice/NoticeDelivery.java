package pmo.notice;

import org.springframework.stereotype.Component;
import pmo.platform.Durations;

/**
 * The retry cycle of the process steps that send notices ({@link NoticeSettings}), as the models read it:
 * {@code <camunda:failedJobRetryTimeCycle>${noticeDelivery.retryCycle()}</camunda:failedJobRetryTimeCycle>}, an
 * ISO-8601 repetition such as R3/PT5M.
 */
@Component("noticeDelivery")
public class NoticeDelivery {

  private final NoticeSettings settings;

  NoticeDelivery(NoticeSettings settings) {
    this.settings = settings;
  }

  /** {@code R<retries>/<interval>}: how often, and how far apart, a failed notice step is tried again. */
  public String retryCycle() {
    return "R" + settings.retries() + "/" + Durations.iso(settings.retryInterval());
  }
}
