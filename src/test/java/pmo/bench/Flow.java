package pmo.bench;

/** The flows the throughput benchmark drives, as their users work them. */
enum Flow {

  RISK("risk", "risk raised + response planned"),
  CHANGE_STANDARD("change-std", "change request, standard route"),
  CHANGE_PMO("change-pmo", "change request, PMO route"),
  INTAKE("intake", "intake approved"),
  /** Start, one user task, end: on the bare engine only, the engine's own floor. */
  MINIMAL("minimal", "start → user task → end");

  final String id;
  final String label;

  Flow(String id, String label) {
    this.id = id;
    this.label = label;
  }
}
