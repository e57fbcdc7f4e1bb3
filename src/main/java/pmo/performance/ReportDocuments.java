package pmo.performance;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import pmo.notice.Text;
import pmo.project.Rag;

/**
 * The printable HTML page and the CSV of a periodic report, written once when it is generated. Every value is
 * escaped: project names and breaches are people's text.
 */
final class ReportDocuments {

  static final String[] CSV_HEADER = {"project", "name", "manager", "status_date", "rag", "bac", "pv", "ev", "ac",
      "spi", "cpi", "spi_t", "eac", "vac", "forecast_finish", "kpi_band", "trend_falling"};

  private ReportDocuments() {
  }

  static String csv(List<PortfolioFigures.ProjectRow> rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get())) {
      for (PortfolioFigures.ProjectRow r : rows) {
        csv.printRecord(r.code(), r.name(), r.manager(), r.statusDate(), rag(r.ragOverall()), r.bac(), r.plannedValue(),
            r.earnedValue(), r.actualCost(), r.spi(), r.cpi(), r.spiT(), r.eacTypical(), r.vac(), r.forecastFinishEs(),
            r.kpiBand(), r.trendFalling());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  static String html(PeriodicReport r, Map<String, Object> content) {
    StringBuilder h = new StringBuilder();
    String title = label(r.kind()) + " performance report " + r.periodStart() + " – " + r.periodEnd();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
        .append("</title><style>body{font:12px sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
            + "td,th{border:1px solid #999;padding:2px 6px;text-align:left}h2{margin-top:1.5em}"
            + "@media print{h2{page-break-after:avoid}}</style></head><body>");
    h.append("<h1>").append(esc(title)).append("</h1>");
    h.append("<p>Projects reporting: ").append(r.reported()).append(" · green ").append(r.green()).append(" · amber ")
        .append(r.amber()).append(" · red ").append(r.red()).append(" · breaches ").append(r.breaches())
        .append(" · open improvement plans ").append(r.openPlans()).append(" · portfolio SPI ").append(r.spi())
        .append(", CPI ").append(r.cpi()).append(" (weighted by BAC ").append(r.bac()).append(")</p>");
    h.append("<h2>KPIs by project</h2><table><tr>");
    for (String c : CSV_HEADER) {
      h.append("<th>").append(esc(c)).append("</th>");
    }
    h.append("</tr>");
    for (PortfolioFigures.ProjectRow p : (List<PortfolioFigures.ProjectRow>) content.get("projects")) {
      row(h, p.code(), p.name(), p.manager(), p.statusDate(), rag(p.ragOverall()), p.bac(), p.plannedValue(),
          p.earnedValue(), p.actualCost(), p.spi(), p.cpi(), p.spiT(), p.eacTypical(), p.vac(), p.forecastFinishEs(),
          p.kpiBand(), p.trendFalling());
    }
    h.append("</table>");
    section(h, "Breaches and improvement plans", List.of("plan", "project", "status", "breach", "opened"),
        ((List<PortfolioFigures.PlanRow>) content.get("plans")).stream()
            .map(p -> new Object[] {p.id(), p.code(), p.status(), p.breach(), p.openedAt()}).toList());
    section(h, "Top risks", List.of("risk", "project", "title", "level", "score", "exposure"),
        ((List<PortfolioFigures.RiskRow>) content.get("topRisks")).stream()
            .map(x -> new Object[] {"R-" + x.id(), x.code(), x.title(), x.level(), x.score(), x.exposure()}).toList());
    section(h, "Changes approved", List.of("project", "baseline", "BAC", "planned finish", "change request", "when"),
        ((List<PortfolioFigures.ChangeRow>) content.get("changesApproved")).stream()
            .map(c -> new Object[] {c.code(), c.version(), c.budgetAtCompletion(), c.plannedFinish(),
                "CR-" + c.changeRequestId(), c.createdAt()}).toList());
    section(h, "Gate decisions", List.of("project", "gate", "decision", "by", "when"),
        ((List<PortfolioFigures.GateRow>) content.get("gateDecisions")).stream()
            .map(g -> new Object[] {g.code(), g.gate(), g.decision(), g.decidedBy(), g.decidedAt()}).toList());
    section(h, "Trend of the period (weighted by BAC)", List.of("status date", "reports", "SPI", "CPI"),
        ((List<PortfolioFigures.TrendPoint>) content.get("trend")).stream()
            .map(t -> new Object[] {t.statusDate(), t.reports(), t.spi(), t.cpi()}).toList());
    h.append("<p>Generated ").append(esc(String.valueOf(r.generatedAt()))).append(" by ").append(esc(r.generatedBy()))
        .append(".</p></body></html>");
    return h.toString();
  }

  /** The notice of a periodic report, in words its reader's language gives ({@link Text}). */
  static Text noticeBody(PeriodicReport r) {
    return Text.of("performance.periodic.body", Text.of("performance.kind." + r.kind()), r.periodStart(),
        r.periodEnd(), r.reported(), r.green(), r.amber(), r.red(), r.breaches(), r.openPlans(), r.spi(), r.cpi(),
        r.id());
  }

  private static void section(StringBuilder h, String title, List<String> header, List<Object[]> rows) {
    h.append("<h2>").append(esc(title)).append("</h2>");
    if (rows.isEmpty()) {
      h.append("<p>None.</p>");
      return;
    }
    h.append("<table><tr>");
    header.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
    h.append("</tr>");
    rows.forEach(r -> row(h, r));
    h.append("</table>");
  }

  private static void row(StringBuilder h, Object... cells) {
    h.append("<tr>");
    for (Object cell : cells) {
      h.append("<td>").append(esc(cell == null ? "" : String.valueOf(cell))).append("</td>");
    }
    h.append("</tr>");
  }

  /** A RAG as the documents have always written it: the form's value (green, amber, red). */
  private static String rag(Rag rag) {
    return rag == null ? null : rag.value();
  }

  private static String label(String kind) {
    return kind.charAt(0) + kind.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
