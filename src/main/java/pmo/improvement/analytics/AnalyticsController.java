package pmo.improvement.analytics;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pmo.platform.Roles;

/**
 * Process analytics over REST, for the PMO, process owners and auditors: the processes and their versions, the report
 * of one process (figures per node and flow, totals, per version and month), the diagram it is drawn on, and the
 * report as CSV. The page at {@code /analytics/} reads these.
 */
@RestController
@RequestMapping("/api/analytics")
@PreAuthorize("hasAnyAuthority('" + Roles.PMO + "', '" + Roles.PROCESS_OWNERS + "', '" + Roles.AUDITORS + "', '"
    + Roles.ADMIN + "')")
class AnalyticsController {

  private final AnalyticsService analytics;

  AnalyticsController(AnalyticsService analytics) {
    this.analytics = analytics;
  }

  @GetMapping("/processes")
  List<AnalyticsService.ProcessInfo> processes() {
    return analytics.processes();
  }

  /** The project categories a report may be narrowed to. */
  @GetMapping("/categories")
  List<String> categories() {
    return analytics.categories();
  }

  @GetMapping
  AnalyticsReport report(@RequestParam(required = false) String process,
      @RequestParam(required = false) Integer version, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String category) {
    return analytics.report(new AnalyticsQuery(process, version, from, to, category));
  }

  @GetMapping(value = "/diagram", produces = MediaType.TEXT_XML_VALUE)
  String diagram(@RequestParam(required = false) String process, @RequestParam(required = false) Integer version) {
    return analytics.diagram(new AnalyticsQuery(process, version, null, null, null));
  }

  @GetMapping("/export")
  ResponseEntity<String> export(@RequestParam(required = false) String process,
      @RequestParam(required = false) Integer version, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String category)
      throws IOException {
    AnalyticsReport report = analytics.report(new AnalyticsQuery(process, version, from, to, category));
    String file = "analytics-" + report.process() + (version == null ? "" : "-v" + version) + "-" + report.from()
        + "-" + report.to() + ".csv";
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .body(csv(report));
  }

  /** One row per flow node, then one per sequence flow, under one header. */
  static String csv(AnalyticsReport report) throws IOException {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("kind", "id", "name", "type",
        "executions", "instances", "duration_p50_ms", "duration_p90_ms", "duration_mean_ms", "wait_p50_ms",
        "wait_p90_ms", "work_p50_ms", "work_p90_ms", "sla_breaches", "taken", "repeated_instances", "frequency")
        .get())) {
      for (AnalyticsReport.NodeFigure n : report.nodes()) {
        csv.printRecord("node", n.id(), n.name(), n.type(), n.executions(), n.instances(), n.p50Ms(), n.p90Ms(),
            n.meanMs(), n.waitP50Ms(), n.waitP90Ms(), n.workP50Ms(), n.workP90Ms(), n.slaBreaches(), null, null,
            null);
      }
      for (AnalyticsReport.FlowFigure f : report.flows()) {
        csv.printRecord("flow", f.id(), f.name(), "sequenceFlow", null, f.instances(), null, null, null, null, null,
            null, null, null, f.taken(), f.repeatedInstances(), f.frequency());
      }
    }
    return out.toString();
  }
}
