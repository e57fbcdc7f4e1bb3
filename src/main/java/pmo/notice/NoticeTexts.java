package pmo.notice;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of the notices in their recipient's language (README, "Languages and the webapps"): the bundle
 * {@code messages/notices.properties} (English) and {@code messages/notices_zh_CN.properties} (简体中文), dates in
 * the locale's medium format, amounts with its grouping and two decimals.
 *
 * <p>The bundle has a message source of its own rather than Spring Boot's {@code spring.messages}: the application's
 * message source is the one Spring and Bean Validation read for their own messages, and the notices' texts should
 * neither change nor be changed by it. It never falls back to the machine's locale (an English notice is English on a
 * server set to Chinese) and always reads a text as a {@link java.text.MessageFormat} pattern, so a quote is written
 * {@code ''} in every text alike.
 */
@Component
public class NoticeTexts {

  private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

  public NoticeTexts() {
    messages.setBasename("messages/notices");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    messages.setAlwaysUseMessageFormat(true);
  }

  /** The text of {@code key} in this language, its arguments written as {@link Text} says. */
  public String text(Locale locale, String key, Object... args) {
    Object[] written = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      written[i] = write(locale, args[i]);
    }
    return messages.getMessage(key, written, locale);
  }

  public String text(Locale locale, Text text) {
    return text(locale, text.key(), text.args());
  }

  /**
   * The text as a record keeps it (an escalation's reason): in English, its arguments as they are (a date as
   * 2026-12-01, a moment as 2026-12-01T09:00Z, an amount as 1234.5), so the stored words do not depend on a reader.
   */
  public String asRecorded(Text text) {
    Object[] written = new Object[text.args().length];
    for (int i = 0; i < written.length; i++) {
      Object arg = text.args()[i];
      written[i] = arg instanceof Text inner ? asRecorded(inner)
          : arg instanceof Text.Amount amount ? String.valueOf(amount.value()) : String.valueOf(arg);
    }
    return messages.getMessage(text.key(), written, Locale.ENGLISH);
  }

  /** A date in the locale's medium format (Dec 1, 2026; 2026年12月1日). */
  public String date(Locale locale, LocalDate date) {
    return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
  }

  /** A moment as its date (medium) and time (short) in the locale, at the offset it was written with. */
  public String dateTime(Locale locale, OffsetDateTime at) {
    return at.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale));
  }

  /** An amount with the locale's grouping and two decimals. */
  public String amount(Locale locale, java.math.BigDecimal amount) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return format.format(amount);
  }

  private String write(Locale locale, Object arg) {
    if (arg == null) {
      return "";
    }
    if (arg instanceof Text text) {
      return text(locale, text);
    }
    if (arg instanceof LocalDate date) {
      return date(locale, date);
    }
    if (arg instanceof OffsetDateTime at) {
      return dateTime(locale, at);
    }
    if (arg instanceof Text.Amount amount) {
      return amount.value() == null ? "" : amount(locale, amount.value());
    }
    return String.valueOf(arg);
  }
}
