package pmo.performance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The earned-value KPIs of one status report, from the budget at completion (BAC) of the baseline then current, the
 * planned value (PV), the earned value (EV) and the actual cost (AC) to date (DESIGN.md §7). Every division is guarded:
 * a ratio whose divisor is zero is null ("not defined"), never infinity or an exception.
 *
 * <ul>
 *   <li>SV = EV − PV, CV = EV − AC; SPI = EV / PV, CPI = EV / AC</li>
 *   <li>EAC typical = BAC / CPI; atypical = AC + (BAC − EV); combined = AC + (BAC − EV) / (CPI · SPI)</li>
 *   <li>ETC = EAC − AC and VAC = BAC − EAC, from the typical EAC (the atypical one when CPI is not defined)</li>
 *   <li>TCPI = (BAC − EV) / (BAC − AC)</li>
 * </ul>
 */
record EarnedValue(BigDecimal bac, BigDecimal pv, BigDecimal ev, BigDecimal ac, BigDecimal sv, BigDecimal cv,
    BigDecimal spi, BigDecimal cpi, BigDecimal eacTypical, BigDecimal eacAtypical, BigDecimal eacCombined,
    BigDecimal etc, BigDecimal vac, BigDecimal tcpi) {

  static final int MONEY = 2;
  static final int INDEX = 4;
  private static final MathContext PRECISION = MathContext.DECIMAL64;

  static EarnedValue of(BigDecimal bac, BigDecimal pv, BigDecimal ev, BigDecimal ac) {
    BigDecimal sv = money(ev.subtract(pv));
    BigDecimal cv = money(ev.subtract(ac));
    BigDecimal spi = ratio(ev, pv);
    BigDecimal cpi = ratio(ev, ac);
    BigDecimal remaining = bac.subtract(ev);
    BigDecimal typical = cpi == null || cpi.signum() == 0 ? null : money(bac.divide(exact(ev, ac), PRECISION));
    BigDecimal atypical = money(ac.add(remaining));
    BigDecimal combined = null;
    if (spi != null && cpi != null && spi.signum() != 0 && cpi.signum() != 0) {
      // CPI·SPI with the unrounded ratios, so the forecast does not carry the rounding of the shown indices
      BigDecimal factor = exact(ev, ac).multiply(exact(ev, pv), PRECISION);
      combined = money(ac.add(remaining.divide(factor, PRECISION)));
    }
    BigDecimal eac = typical != null ? typical : atypical;
    BigDecimal etc = money(eac.subtract(ac));
    BigDecimal vac = money(bac.subtract(eac));
    BigDecimal tcpi = ratio(remaining, bac.subtract(ac));
    return new EarnedValue(money(bac), money(pv), money(ev), money(ac), sv, cv, spi, cpi, typical, atypical, combined,
        etc, vac, tcpi);
  }

  /** a / b rounded to 4 decimals; null when b is zero. */
  static BigDecimal ratio(BigDecimal a, BigDecimal b) {
    return b.signum() == 0 ? null : a.divide(b, INDEX, RoundingMode.HALF_UP);
  }

  private static BigDecimal exact(BigDecimal a, BigDecimal b) {
    return a.divide(b, PRECISION);
  }

  static BigDecimal money(BigDecimal value) {
    return value.setScale(MONEY, RoundingMode.HALF_UP);
  }
}
