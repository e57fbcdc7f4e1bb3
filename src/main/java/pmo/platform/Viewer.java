package pmo.platform;

import java.util.Collection;
import java.util.Set;

/**
 * Who is reading, for the read rules of {@code /api} (README, "Governance that cannot be bypassed": reads follow the same rules as the engine's
 * authorizations): the user and their groups. Each capability decides which groups read all of its cases and which
 * people are named on a case; everybody else does not see it, in lists or one by one.
 */
public record Viewer(String id, Set<String> groups) {

  /** The system (start-up, jobs, tests without a user): reads everything. */
  public static final Viewer SYSTEM = new Viewer("system", Set.of(Roles.ADMIN));

  /** Whether the viewer is in any of these groups (administrators are in all of them). */
  public boolean inAny(Collection<String> any) {
    return groups.contains(Roles.ADMIN) || any.stream().anyMatch(groups::contains);
  }
}
