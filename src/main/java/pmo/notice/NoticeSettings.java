package pmo.notice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import pmo.platform.identity.Directory;

/**
 * {@code pmo.notice.*}: the sender of the e-mails, and how a process step that sends notices is retried when it fails
 * (the SMTP server unreachable, or another node's job of the same case changing it at the same moment): {@code retries}
 * more attempts, {@code retryInterval} apart, then an incident. {@code pmo.notice.default-language}, the language of
 * the notices to a user who chose none, is read and checked where a user's language is: {@link Directory#language}.
 */
@ConfigurationProperties("pmo.notice")
public record NoticeSettings(String from, Integer retries, Duration retryInterval) {

  public NoticeSettings {
    from = from == null || from.isBlank() ? "pmo@localhost" : from;
    retries = retries == null ? 3 : retries;
    retryInterval = retryInterval == null ? Duration.ofMinutes(5) : retryInterval;
    if (retries < 1) {
      throw new IllegalArgumentException("pmo.notice.retries must be at least 1, was " + retries);
    }
    if (retryInterval.isNegative() || retryInterval.isZero()) {
      throw new IllegalArgumentException("pmo.notice.retry-interval must be positive, was " + retryInterval);
    }
  }
}
