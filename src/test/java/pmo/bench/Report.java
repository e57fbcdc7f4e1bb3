package pmo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark's results: medians over the rounds, the governance ÷ bare ratios (each round's own ratio, as both ran
 * in it, then the median), scaling from 1 to the most clients, p50/p95 per step over all rounds, statements, database
 * time and JVM CPU per flow; the targets of issue 15 checked; raw rows as CSV; a Markdown section for the README.
 */
final class Report {

  /** The steps that are task completions (their p95 has a target). */
  private static final List<String> NOT_COMPLETIONS = List.of("start", "find+claim", "wait (job)");

  private final List<Measurement> all;
  private final List<Integer> clients;
  private final List<Flow> flows;

  Report(List<Measurement> all, List<Integer> clients, List<Flow> flows) {
    this.all = all;
    this.clients = clients;
    this.flows = flows;
  }

  /** The governance application's figures against the bare engine's, with the targets; for the console. */
  String summary() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%n%-40s %7s %11s %11s %8s %9s %9s %9s %9s %9s %9s%n", "flow", "clients",
        "gov flow/s", "bare flow/s", "gov/bare", "gov stmt", "bare stmt", "gov trips", "bare trips", "gov cpu",
        "bare cpu"));
    for (Flow flow : flows) {
      for (int c : clients) {
        List<Measurement> gov = of("governance", flow, c);
        List<Measurement> bare = of("bare", flow, c);
        out.append(String.format(Locale.ROOT, "%-40s %7d %11s %11.1f %8s %9s %9.0f %9s %9.0f %9s %9.1f%n",
            flow.label, c, gov.isEmpty() ? "-" : fmt(median(gov, Measurement::flowsPerSecond)),
            median(bare, Measurement::flowsPerSecond), gov.isEmpty() ? "-" : pct(ratio(flow, c)),
            gov.isEmpty() ? "-" : fmt0(median(gov, Measurement::statementsPerFlow)),
            median(bare, Measurement::statementsPerFlow),
            gov.isEmpty() ? "-" : fmt0(median(gov, Measurement::roundTripsPerFlow)),
            median(bare, Measurement::roundTripsPerFlow),
            gov.isEmpty() ? "-" : fmt(median(gov, Measurement::cpuMillisPerFlow)),
            median(bare, Measurement::cpuMillisPerFlow)));
      }
    }
    out.append(String.format(Locale.ROOT, "%n%-40s %-6s %7s %-24s %10s %10s %10s %10s%n", "flow", "engine",
        "clients", "step", "n", "p50 ms", "p95 ms", "max ms"));
    for (Flow flow : flows) {
      for (String side : List.of("governance", "bare")) {
        for (int c : clients) {
          List<Measurement> ms = of(side, flow, c);
          if (ms.isEmpty()) {
            continue;
          }
          for (String step : ms.get(0).stepOrder) {
            List<Long> samples = samples(ms, step);
            if (!samples.isEmpty()) {
              out.append(String.format(Locale.ROOT, "%-40s %-6s %7d %-24s %10d %10.1f %10.1f %10.1f%n", flow.label,
                  side.substring(0, 4), c, step, samples.size(), percentile(samples, 50),
                  percentile(samples, 95), percentile(samples, 100)));
            }
          }
        }
      }
    }
    out.append(targets());
    return out.toString();
  }

  /** The targets of issue 15, each with its figure and whether it is met. */
  String targets() {
    StringBuilder out = new StringBuilder("\nTargets (issue 15):\n");
    int most = clients.get(clients.size() - 1);
    int least = clients.get(0);
    for (Flow flow : flows) {
      if (of("governance", flow, least).isEmpty()) {
        continue;
      }
      for (int c : clients) {
        double r = ratio(flow, c);
        out.append(String.format(Locale.ROOT, "  %-4s %-40s governance %s of bare at %d clients (>= 50%%)%n",
            r >= 0.5 ? "MET" : "MISS", flow.label, pct(r), c));
      }
      double scaling = scaling("governance", flow);
      out.append(String.format(Locale.ROOT, "  %-4s %-40s %d clients %.2fx the throughput of %d (>= 2.5x; bare %.2fx)%n",
          scaling >= 2.5 ? "MET" : "MISS", flow.label, most, scaling, least, scaling("bare", flow)));
      double p95 = worstCompletionP95(flow, most);
      out.append(String.format(Locale.ROOT, "  %-4s %-40s p95 of a task completion at %d clients %.0f ms (< 250 ms)%n",
          p95 < 250 ? "MET" : "MISS", flow.label, most, p95));
    }
    return out.toString();
  }

  /** The README's results table (Markdown). */
  String markdown(String machine, String date, String command, int rounds, long seconds) {
    int most = clients.get(clients.size() - 1);
    int least = clients.get(0);
    StringBuilder md = new StringBuilder();
    md.append("Measured ").append(date).append(" on ").append(machine).append(", with\n`").append(command)
        .append("`\n(").append(rounds).append(" rounds of ").append(seconds)
        .append(" s per flow, engine and client count, rounds interleaved; medians; governance ÷ bare is each round's"
            + " own ratio, then the median).\n\n");
    md.append("| flow | clients | governance flows/s | bare flows/s | governance ÷ bare | p95 task completion ms"
        + " (gov / bare) | statements per flow (gov / bare) | round trips per flow (gov / bare) | JVM CPU ms per flow"
        + " (gov / bare) |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Flow flow : flows) {
      for (int c : clients) {
        List<Measurement> gov = of("governance", flow, c);
        List<Measurement> bare = of("bare", flow, c);
        if (bare.isEmpty()) {
          continue;
        }
        md.append(String.format(Locale.ROOT, "| %s | %d | %s | %.1f | %s | %s / %.0f | %s / %.0f | %s / %.0f |"
                + " %s / %.1f |%n",
            flow.label, c, gov.isEmpty() ? "–" : fmt(median(gov, Measurement::flowsPerSecond)),
            median(bare, Measurement::flowsPerSecond), gov.isEmpty() ? "–" : pct(ratio(flow, c)),
            gov.isEmpty() ? "–" : fmt0(worstCompletionP95(flow, c)), completionP95("bare", flow, c),
            gov.isEmpty() ? "–" : fmt0(median(gov, Measurement::statementsPerFlow)),
            median(bare, Measurement::statementsPerFlow),
            gov.isEmpty() ? "–" : fmt0(median(gov, Measurement::roundTripsPerFlow)),
            median(bare, Measurement::roundTripsPerFlow),
            gov.isEmpty() ? "–" : fmt(median(gov, Measurement::cpuMillisPerFlow)),
            median(bare, Measurement::cpuMillisPerFlow)));
      }
    }
    md.append("\nScaling, ").append(most).append(" clients ÷ ").append(least).append(" client: ");
    List<String> parts = new ArrayList<>();
    for (Flow flow : flows) {
      if (!of("governance", flow, least).isEmpty()) {
        parts.add(String.format(Locale.ROOT, "%s %.2f× (bare %.2f×)", flow.label, scaling("governance", flow),
            scaling("bare", flow)));
      } else if (!of("bare", flow, least).isEmpty()) {
        parts.add(String.format(Locale.ROOT, "%s (bare) %.2f×", flow.label, scaling("bare", flow)));
      }
    }
    md.append(String.join("; ", parts)).append(".\n");
    return md.toString();
  }

  /** One row per measurement. */
  void writeCsv(Path runs, Path steps) {
    StringBuilder r = new StringBuilder("round,engine,flow,clients,seconds,flows,flows_per_s,statements,"
        + "statements_per_flow,round_trips_per_flow,db_ms_per_flow,cpu_ms_per_flow,errors\n");
    StringBuilder s = new StringBuilder("round,engine,flow,clients,step,n,p50_ms,p95_ms,max_ms\n");
    for (Measurement m : all) {
      r.append(String.format(Locale.ROOT, "%d,%s,%s,%d,%.3f,%d,%.3f,%d,%.1f,%.1f,%.2f,%.2f,%d%n", m.round,
          m.side.name, m.flow.id, m.clients, m.seconds, m.flows, m.flowsPerSecond(), m.statements,
          m.statementsPerFlow(), m.roundTripsPerFlow(), m.dbMillisPerFlow(), m.cpuMillisPerFlow(), m.errors));
      for (String step : m.stepOrder) {
        List<Long> samples = m.steps.getOrDefault(step, List.of());
        if (!samples.isEmpty()) {
          s.append(String.format(Locale.ROOT, "%d,%s,%s,%d,%s,%d,%.2f,%.2f,%.2f%n", m.round, m.side.name, m.flow.id,
              m.clients, step, samples.size(), percentile(samples, 50), percentile(samples, 95),
              percentile(samples, 100)));
        }
      }
    }
    write(runs, r.toString());
    write(steps, s.toString());
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private double ratio(Flow flow, int c) {
    List<Double> ratios = new ArrayList<>();
    for (Measurement gov : of("governance", flow, c)) {
      all.stream().filter(b -> b.side.name.equals("bare") && b.flow == flow && b.clients == c && b.round == gov.round)
          .findFirst().ifPresent(bare -> ratios.add(bare.flowsPerSecond() == 0 ? 0
              : gov.flowsPerSecond() / bare.flowsPerSecond()));
    }
    return median(ratios);
  }

  private double scaling(String side, Flow flow) {
    List<Measurement> least = of(side, flow, clients.get(0));
    List<Measurement> most = of(side, flow, clients.get(clients.size() - 1));
    double base = median(least, Measurement::flowsPerSecond);
    return base == 0 ? 0 : median(most, Measurement::flowsPerSecond) / base;
  }

  private double worstCompletionP95(Flow flow, int c) {
    return completionP95("governance", flow, c);
  }

  private double completionP95(String side, Flow flow, int c) {
    List<Measurement> ms = of(side, flow, c);
    double worst = 0;
    if (ms.isEmpty()) {
      return 0;
    }
    for (String step : ms.get(0).stepOrder) {
      if (!NOT_COMPLETIONS.contains(step)) {
        List<Long> samples = samples(ms, step);
        if (!samples.isEmpty()) {
          worst = Math.max(worst, percentile(samples, 95));
        }
      }
    }
    return worst;
  }

  private List<Measurement> of(String side, Flow flow, int c) {
    return all.stream().filter(m -> m.side.name.equals(side) && m.flow == flow && m.clients == c).toList();
  }

  private static List<Long> samples(Collection<Measurement> ms, String step) {
    List<Long> samples = new ArrayList<>();
    ms.forEach(m -> samples.addAll(m.steps.getOrDefault(step, List.of())));
    return samples;
  }

  /** The p-th percentile in milliseconds (nearest rank). */
  static double percentile(List<Long> nanos, double p) {
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
  }

  private static double median(List<Measurement> ms, ToDoubleFunction<Measurement> f) {
    return median(ms.stream().map(f::applyAsDouble).toList());
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String fmt0(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  private static String pct(double r) {
    return String.format(Locale.ROOT, "%.0f %%", r * 100);
  }
}
