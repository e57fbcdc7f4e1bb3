package pmo.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import pmo.platform.Page;
import pmo.platform.PageRequest;

/**
 * The table {@code portfolio_trend}: the portfolio's BAC-weighted SPI and CPI per status date, kept as sums that each
 * submitted report adds to once (a submitted report never changes), so the trend over a year reads a few hundred rows
 * instead of every report of every project (V144). Rows are keyed by status date, the project's category and a bucket
 * (project id modulo {@value #BUCKETS}) so that managers submitting the same week rarely wait on the same row lock.
 */
@Repository
class PortfolioTrend {

  static final int BUCKETS = 16;

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;

  PortfolioTrend(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Adds a submitted report's figures, in the submitting transaction. The first report of a row inserts it inside a
   * savepoint: when a concurrent submission inserted the row first, the duplicate key rolls back only the savepoint
   * and the figures are added to that row.
   */
  void add(StatusReport report, String category) {
    add(report.statusDate(), report.projectId(), category, Contribution.of(report));
  }

  void add(LocalDate statusDate, long projectId, String category, Contribution c) {
    JdbcClient.StatementSpec insert = jdbc.sql("""
            insert into portfolio_trend (status_date, category, bucket, reports, spi_sum, spi_weight, cpi_sum,
                                         cpi_weight)
            values (:date, :category, :bucket, 1, :spiSum, :spiWeight, :cpiSum, :cpiWeight)""");
    if (update(statusDate, projectId, category, c) == 0) {
      try {
        savepoint.executeWithoutResult(s -> bind(insert, statusDate, projectId, category, c).update());
      } catch (DuplicateKeyException insertedMeanwhile) {
        update(statusDate, projectId, category, c);
      }
    }
  }

  private int update(LocalDate statusDate, long projectId, String category, Contribution c) {
    return bind(jdbc.sql("""
            update portfolio_trend set reports = reports + 1, spi_sum = spi_sum + :spiSum,
                   spi_weight = spi_weight + :spiWeight, cpi_sum = cpi_sum + :cpiSum, cpi_weight = cpi_weight + :cpiWeight
             where status_date = :date and category = :category and bucket = :bucket"""), statusDate, projectId,
        category, c).update();
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, LocalDate statusDate, long projectId,
      String category, Contribution c) {
    return sql.param("date", statusDate).param("category", category).param("bucket", (int) (projectId % BUCKETS))
        .param("spiSum", c.spiSum()).param("spiWeight", c.spiWeight()).param("cpiSum", c.cpiSum())
        .param("cpiWeight", c.cpiWeight());
  }

  /** The trend from {@code from} to {@code to}, one point per status date, optionally of one category. */
  Page<PortfolioFigures.TrendPoint> read(LocalDate from, LocalDate to, String category, PageRequest page) {
    List<PortfolioFigures.TrendPoint> points = points(from, to, category, page.size(), page.offset());
    long total = points.size() < page.size() && (page.page() == 0 || !points.isEmpty())
        ? page.offset() + points.size()
        : bind(jdbc.sql("select count(distinct status_date) from portfolio_trend" + where(category)), from, to,
            category).query(Long.class).single();
    return Page.of(points, page, total);
  }

  /** Up to {@code limit} points of the trend from {@code offset} on, in date order (a page, or a periodic report's). */
  List<PortfolioFigures.TrendPoint> points(LocalDate from, LocalDate to, String category, int limit, long offset) {
    return bind(jdbc.sql("""
            select status_date, sum(reports), sum(spi_sum) / nullif(sum(spi_weight), 0),
                   sum(cpi_sum) / nullif(sum(cpi_weight), 0)
              from portfolio_trend""" + where(category)
        + " group by status_date order by status_date limit :pageLimit offset :pageOffset"), from, to, category)
        .param("pageLimit", limit).param("pageOffset", offset)
        .query((rs, n) -> new PortfolioFigures.TrendPoint(rs.getObject(1, LocalDate.class), rs.getInt(2),
            PortfolioFigures.scaled(rs.getBigDecimal(3)), PortfolioFigures.scaled(rs.getBigDecimal(4)))).list();
  }

  private static String where(String category) {
    return " where status_date >= :from and status_date <= :to" + (category == null ? "" : " and category = :category");
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, LocalDate from, LocalDate to,
      String category) {
    JdbcClient.StatementSpec bound = sql.param("from", from).param("to", to);
    return category == null ? bound : bound.param("category", category);
  }

  /** What one report adds: BAC × SPI and the BAC when it has an SPI; the same for the CPI (the live query's sums). */
  record Contribution(BigDecimal spiSum, BigDecimal spiWeight, BigDecimal cpiSum, BigDecimal cpiWeight) {

    static Contribution of(StatusReport r) {
      BigDecimal bac = r.bac();
      boolean spi = bac != null && r.spi() != null;
      boolean cpi = bac != null && r.cpi() != null;
      return new Contribution(spi ? bac.multiply(r.spi()) : BigDecimal.ZERO, spi ? bac : BigDecimal.ZERO,
          cpi ? bac.multiply(r.cpi()) : BigDecimal.ZERO, cpi ? bac : BigDecimal.ZERO);
    }
  }
}
