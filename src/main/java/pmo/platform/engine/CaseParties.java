package pmo.platform.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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

  /**
   * The parties of one process's cases: {@code caseOf} finds the stored case of a process instance, each role reads
   * its person from it (a role nobody holds yet reads null and is left out).
   */
  static <T> CaseParties of(String processKey, Function<String, Optional<T>> caseOf,
      Map<String, Function<T, String>> roles) {
    return new CaseParties() {
      @Override
      public Set<String> processKeys() {
        return Set.of(processKey);
      }

      @Override
      public Set<String> roles() {
        return roles.keySet();
      }

      @Override
      public Map<String, String> parties(String processInstanceId) {
        Map<String, String> parties = new HashMap<>();
        caseOf.apply(processInstanceId).ifPresent(stored -> roles.forEach((role, person) -> {
          String who = person.apply(stored);
          if (who != null) {
            parties.put(role, who);
          }
        }));
        return parties;
      }
    };
  }
}
