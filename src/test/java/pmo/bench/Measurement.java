package pmo.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One measurement: {@code clients} threads work one flow on one engine over and over, each starting the next instance
 * as soon as its last one ended. The first {@code warmup} is not counted; then, during the measuring window, every
 * flow and step that ends inside it counts, and the engine's statements, their time and the JVM's CPU time are the
 * difference between the window's start and end.
 */
final class Measurement {

  final int round;
  final Side side;
  final Flow flow;
  final int clients;
  double seconds;
  long flows;
  /** Flows finished at all, inside the window or not. */
  long finished;
  long statements;
  long roundTrips;
  long statementNanos;
  long cpuNanos;
  int errors;
  /** Step name to the durations (ns) of the steps that ended in the window, in the order the flow takes them. */
  final Map<String, List<Long>> steps = new TreeMap<>();
  final List<String> stepOrder = new ArrayList<>();

  Measurement(int round, Side side, Flow flow, int clients) {
    this.round = round;
    this.side = side;
    this.flow = flow;
    this.clients = clients;
  }

  double flowsPerSecond() {
    return seconds == 0 ? 0 : flows / seconds;
  }

  double statementsPerFlow() {
    return flows == 0 ? 0 : (double) statements / flows;
  }

  double roundTripsPerFlow() {
    return flows == 0 ? 0 : (double) roundTrips / flows;
  }

  double cpuMillisPerFlow() {
    return flows == 0 ? 0 : cpuNanos / 1e6 / flows;
  }

  double dbMillisPerFlow() {
    return flows == 0 ? 0 : statementNanos / 1e6 / flows;
  }

  Measurement run(Side.People people, long warmupMillis, long windowMillis) throws Exception {
    long begin = System.nanoTime();
    long windowStart = begin + TimeUnit.MILLISECONDS.toNanos(warmupMillis);
    long windowEnd = windowStart + TimeUnit.MILLISECONDS.toNanos(windowMillis);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<Recorder>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      running.add(pool.submit(() -> {
        Recorder recorder = new Recorder();
        Driver driver = new Driver(side, people, client, recorder);
        while (System.nanoTime() < windowEnd && recorder.errors < 5) {
          long start = System.nanoTime();
          try {
            driver.run(flow);
            recorder.flow(System.nanoTime() - start);
          } catch (RuntimeException e) {
            recorder.error(e);
          }
        }
        return recorder;
      }));
    }
    sleepUntil(windowStart);
    long statements0 = side.statements.statements();
    long roundTrips0 = side.statements.roundTrips();
    long nanos0 = side.statements.nanos();
    long cpu0 = processCpuNanos();
    sleepUntil(windowEnd);
    statements = side.statements.statements() - statements0;
    roundTrips = side.statements.roundTrips() - roundTrips0;
    statementNanos = side.statements.nanos() - nanos0;
    cpuNanos = processCpuNanos() - cpu0;
    seconds = (windowEnd - windowStart) / 1e9;

    for (Future<Recorder> future : running) {
      Recorder recorder = future.get();
      errors += recorder.errors;
      if (recorder.firstError != null) {
        System.out.println("BENCH error in " + side.name + " " + flow.id + ": " + recorder.firstError);
        recorder.firstError.printStackTrace(System.out);
      }
      finished += recorder.flows.size();
      for (Recorder.Sample s : recorder.flows) {
        if (s.endNanos() >= windowStart && s.endNanos() <= windowEnd) {
          flows++;
        }
      }
      for (Recorder.Sample s : recorder.steps) {
        if (!stepOrder.contains(s.step())) {
          stepOrder.add(s.step());
        }
        if (s.endNanos() >= windowStart && s.endNanos() <= windowEnd) {
          steps.computeIfAbsent(s.step(), k -> new ArrayList<>()).add(s.nanos());
        }
      }
    }
    pool.shutdown();
    return this;
  }

  /**
   * The statements the engine sent most often during this measurement, per flow (counted from the start of its
   * warm-up, so divided by every flow the clients finished); needs {@code pmo.bench.sql=true}.
   */
  void printStatements(int top) {
    System.out.printf("BENCH statements of %s %s (%d clients), per flow, most frequent first:%n", side.name,
        flow.label, clients);
    double all = Math.max(1, finished);
    for (Map.Entry<String, long[]> e : side.statements.top(top)) {
      System.out.printf(java.util.Locale.ROOT, "  %7.2f %8.2f ms  %s%n", e.getValue()[0] / all,
          e.getValue()[1] / 1e6 / all, e.getKey());
    }
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
    }
  }
}
