package pmo.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pmo.TestDatabase;
import pmo.platform.PageRequest;
import pmo.platform.Roles;

/**
 * The portfolio trend the PMO reads is the aggregate {@code portfolio_trend} kept at submission: it must hold exactly
 * what summing the submitted reports gives, and two managers adding the first reports of one row at once must both
 * count.
 */
class PortfolioTrendTest extends PerformanceTestSupport {

  @Autowired
  PerformanceSeed seed;
  @Autowired
  PortfolioTrend trend;

  @Test
  void theAggregateHoldsWhatSummingTheSubmittedReportsGives() {
    user("rita", Roles.REQUESTERS);
    seed.seed(List.of(project(), project(), project()), "rita", pmo);
    LocalDate from = today.minusWeeks(PerformanceSeed.WEEKS + 1);

    List<PortfolioFigures.TrendPoint> read = trend.points(from, today, null, 200, 0);
    List<PortfolioFigures.TrendPoint> summed = jdbc.sql("""
            select status_date, count(*) as reports,
                   sum(bac * spi) / nullif(sum(case when spi is not null then bac end), 0) as spi,
                   sum(bac * cpi) / nullif(sum(case when cpi is not null then bac end), 0) as cpi
              from status_report where status = 'SUBMITTED' and status_date >= :from and status_date <= :to
             group by status_date order by status_date""").param("from", from).param("to", today)
        .query((rs, n) -> new PortfolioFigures.TrendPoint(rs.getObject(1, LocalDate.class), rs.getInt(2),
            PortfolioFigures.scaled(rs.getBigDecimal(3)), PortfolioFigures.scaled(rs.getBigDecimal(4)))).list();

    assertThat(read).hasSizeGreaterThanOrEqualTo(PerformanceSeed.WEEKS).isEqualTo(summed);
    assertThat(trend.read(from, today, null, new PageRequest(1, 3)).items()).isEqualTo(summed.subList(3, 6));
  }

  @Test
  void twoFirstReportsOfOneRowAtOnceBothCount() throws Exception {
    if (!TestDatabase.isPostgres()) {
      return; // the race needs PostgreSQL's row-level wait on an uncommitted key; H2 times out the lock instead
    }
    LocalDate day = LocalDate.of(1990, 1, 1).plusDays(Math.floorMod(unique().hashCode(), 3000));
    String category = "RACE-" + unique();
    PortfolioTrend.Contribution first = new PortfolioTrend.Contribution(new BigDecimal("90"), new BigDecimal("100"),
        new BigDecimal("80"), new BigDecimal("100"));
    PortfolioTrend.Contribution second = new PortfolioTrend.Contribution(new BigDecimal("330"),
        new BigDecimal("300"), BigDecimal.ZERO, BigDecimal.ZERO);
    CountDownLatch inserted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);

    CompletableFuture<Void> a = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(s -> {
      trend.add(day, 16, category, first);
      inserted.countDown();
      waitFor(release);
    }));
    assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> b = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(s ->
        trend.add(day, 32, category, second)));
    // b's insert waits on a's uncommitted row with the same key
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
        select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'insert into portfolio_trend%'""")
        .query(Long.class).single() > 0);
    release.countDown();
    CompletableFuture.allOf(a, b).get(30, TimeUnit.SECONDS);

    Map<String, Object> row = jdbc.sql("""
            select reports, spi_sum, spi_weight, cpi_sum, cpi_weight from portfolio_trend
             where status_date = :d and category = :c""").param("d", day).param("c", category).query().singleRow();
    assertThat(row.get("reports")).isEqualTo(2);
    assertThat((BigDecimal) row.get("spi_sum")).isEqualByComparingTo("420");
    assertThat((BigDecimal) row.get("spi_weight")).isEqualByComparingTo("400");
    assertThat((BigDecimal) row.get("cpi_sum")).isEqualByComparingTo("80");
    assertThat((BigDecimal) row.get("cpi_weight")).isEqualByComparingTo("100");
    assertThat(trend.points(day, day, category, 10, 0)).singleElement().satisfies(p -> {
      assertThat(p.reports()).isEqualTo(2);
      assertThat(p.spi()).isEqualByComparingTo("1.05");
      assertThat(p.cpi()).isEqualByComparingTo("0.8");
    });
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
