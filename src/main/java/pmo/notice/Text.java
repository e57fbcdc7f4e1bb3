package pmo.notice;

import java.math.BigDecimal;

/**
 * Words not yet in a language: a key of the notices' bundle ({@code messages/notices*.properties}) and its arguments,
 * written per recipient by {@link NoticeTexts#text(java.util.Locale, Text)}. An argument that is a {@code Text} is
 * written in the same language, a {@link java.time.LocalDate} or {@link java.time.OffsetDateTime} as a date of that
 * locale, an {@link Amount} with its grouping and two decimals, anything else as it is (data stays as entered).
 */
public record Text(String key, Object... args) {

  public static Text of(String key, Object... args) {
    return new Text(key, args);
  }

  /** A money amount, written with the reader's grouping and two decimals. */
  public static Amount amount(BigDecimal value) {
    return new Amount(value);
  }

  /** See {@link #amount}. */
  public record Amount(BigDecimal value) {
  }
}
