package pmo.bench;

import java.util.ArrayList;
import java.util.List;

/** What one client did during a measurement: each step and each whole flow, with when it ended (one thread). */
final class Recorder {

  record Sample(String step, long endNanos, long nanos) {
  }

  final List<Sample> steps = new ArrayList<>();
  final List<Sample> flows = new ArrayList<>();
  int errors;
  Throwable firstError;

  void step(String step, long nanos) {
    steps.add(new Sample(step, System.nanoTime(), nanos));
  }

  void flow(long nanos) {
    flows.add(new Sample("flow", System.nanoTime(), nanos));
  }

  void error(Throwable e) {
    if (errors++ == 0) {
      firstError = e;
    }
  }
}
