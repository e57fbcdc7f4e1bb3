package pmo.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pmo.currency} (config/application.yaml): the ISO 4217 currency every amount of the system is kept in (budgets,
 * cost deltas, monetary impacts). Amounts are stored as plain numbers; this says what they mean where people read
 * them. Default EUR; a code that is not a currency stops the start.
 */
@ConfigurationProperties("pmo")
public record Money(String currency) {

  public Money {
    currency = currency == null || currency.isBlank() ? "EUR" : currency.strip().toUpperCase(Locale.ROOT);
    try {
      Currency.getInstance(currency);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("pmo.currency must be an ISO 4217 currency code such as EUR, not '"
          + currency + "'", e);
    }
  }

  /** An amount with thousands separators, two decimals and the currency: {@code 150,000.00 EUR}. */
  public String format(BigDecimal amount) {
    if (amount == null) {
      return null;
    }
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return format.format(amount.setScale(2, RoundingMode.HALF_UP)) + " " + currency;
  }

  /** A change of an amount, with its sign: {@code +12,000.00 EUR}, {@code -500.00 EUR}. */
  public String signed(BigDecimal delta) {
    if (delta == null) {
      return null;
    }
    return (delta.signum() > 0 ? "+" : "") + format(delta);
  }
}
