package pmo.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import pmo.notice.NoticeTexts;
import pmo.notice.Text;

/** The periodic report's notice in both languages (plain JUnit): the same figures, the reader's words and dates. */
class PeriodicReportNoticeTest {

  private static final NoticeTexts TEXTS = new NoticeTexts();
  private static final PeriodicReport REPORT = new PeriodicReport(12, "MONTHLY", LocalDate.of(2026, 11, 1),
      LocalDate.of(2026, 11, 30), 5, 4, 2, 1, 1, 1, 3, new BigDecimal("0.9500"), new BigDecimal("1.0200"),
      new BigDecimal("1250000.00"), "system", OffsetDateTime.parse("2026-12-01T06:00Z"));

  @Test
  void theNoticeOfAPeriodicReportIsWrittenInEnglishAndInChinese() {
    Text subject = Text.of("performance.periodic.subject", Text.of("performance.kind.MONTHLY"),
        REPORT.periodStart(), REPORT.periodEnd());
    assertThat(TEXTS.text(Locale.ENGLISH, subject)).isEqualTo("Monthly performance report Nov 1, 2026 to Nov 30, 2026");
    assertThat(TEXTS.text(Locale.SIMPLIFIED_CHINESE, subject)).isEqualTo("月度绩效报告：2026年11月1日 至 2026年11月30日");
    assertThat(TEXTS.text(Locale.ENGLISH, ReportDocuments.noticeBody(REPORT))).isEqualTo(
        "Monthly performance report Nov 1, 2026 to Nov 30, 2026:\n4 projects reporting (green 2, amber 1, red 1),"
            + " 1 in breach, 3 improvement plans open; portfolio SPI 0.9500, CPI 1.0200.\n\nPrintable page:"
            + " /api/performance/reports/12/html\nCSV: /api/performance/reports/12/csv");
    assertThat(TEXTS.text(Locale.SIMPLIFIED_CHINESE, ReportDocuments.noticeBody(REPORT))).isEqualTo(
        "月度绩效报告：2026年11月1日 至 2026年11月30日\n4 个项目提交了报告（绿 2，黄 1，红 1），1 个超出阈值，3 项改进计划未关闭；"
            + "组合 SPI 0.9500，CPI 1.0200。\n\n打印版：/api/performance/reports/12/html\nCSV：/api/performance/reports/12/csv");
  }
}
