package pmo.platform.engine;

import java.util.Map;
import java.util.Set;

/**
 * Who is who on the cases of some processes, read from the stored case (the README's "Governance that cannot be bypassed": never from a process variable
 * a user could write). Each capability implements it for the processes it runs; the four-eyes rule of a user task
 * (extension property {@code fourEyes}, e.g. {@code requester}) names parties that these answer.
 */
public interface CaseParties {

  /** The keys of the process definitions whose cases this answers for. */
  Set<String> processKeys();

  /** The roles this answers, such as {@code requester} or {@code owner}. */
  Set<String> roles();

  /**
   * The people named on the case that this process instance runs, by role; a role nobody holds yet is absent. Empty
   * when the instance has not recorded its case yet.
   */
  Map<String, String> parties(String processInstanceId);
}
