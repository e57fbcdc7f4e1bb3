package pmo.improvement.standard;

import java.util.List;
import java.util.stream.Collectors;
import pmo.improvement.analytics.AnalyticsReport;
import pmo.improvement.proposal.Proposal;

/** The texts a process owner reads on a review task: the process's figures and its open proposals. */
final class AnalyticsSummary {

  private AnalyticsSummary() {
  }

  static String of(AnalyticsReport r) {
    AnalyticsReport.Totals t = r.totals();
    StringBuilder text = new StringBuilder().append("From ").append(r.from()).append(" to ").append(r.to())
        .append(", all versions: ").append(t.started()).append(" started, ").append(t.completed())
        .append(" completed, ").append(t.cancelled()).append(" cancelled");
    if (t.cycleP50Ms() != null) {
      text.append("; cycle time p50 ").append(duration(t.cycleP50Ms())).append(", p90 ")
          .append(duration(t.cycleP90Ms()));
    }
    text.append("; ").append(t.reminders()).append(" reminders, ").append(t.escalations()).append(" escalations; ")
        .append(t.reworkInstances()).append(" instances with rework.");
    r.nodes().stream().filter(n -> n.id().equals(r.slowestStep())).findFirst().ifPresent(n -> text
        .append("\nSlowest step: ").append(n.name() == null ? n.id() : n.name()).append(" (p50 ")
        .append(duration(n.p50Ms())).append(", p90 ").append(duration(n.p90Ms()))
        .append(n.waitP50Ms() == null ? "" : ", waiting p50 " + duration(n.waitP50Ms())).append(")."));
    text.append("\nDetails: /analytics/?process=").append(r.process());
    return text.toString();
  }

  static String proposals(List<Proposal> open) {
    if (open.isEmpty()) {
      return "No open improvement proposals.";
    }
    return open.stream().map(p -> "- " + p.reference() + " (" + p.status().name().toLowerCase() + ", by "
        + p.proposer() + "): " + p.title()).collect(Collectors.joining("\n"));
  }

  static String duration(Long ms) {
    if (ms == null) {
      return "-";
    }
    double s = ms / 1000.0;
    if (s < 60) {
      return Math.round(s) + " s";
    }
    if (s < 3600) {
      return Math.round(s / 60) + " min";
    }
    if (s < 86400) {
      return String.format(java.util.Locale.ROOT, "%.1f h", s / 3600);
    }
    return String.format(java.util.Locale.ROOT, "%.1f d", s / 86400);
  }
}
