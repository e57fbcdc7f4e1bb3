package pmo.portfolio;

import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pmo.platform.NotFoundException;
import pmo.platform.ReadRule;
import pmo.platform.Roles;
import pmo.platform.Viewer;

/**
 * Who reads portfolio data (DESIGN.md §4a: reads follow the same rules as the engine's authorizations). The whole
 * portfolio (ranking, capacity, scenarios, reviews, the scoring model) is read by the PMO, the steering committee and
 * auditors, who decide on it or audit it; the scores and allocations of one project also by its manager and sponsor,
 * those of one proposal by whoever proposed it and its sponsor. Writes: the PMO (scores, capacity, allocations,
 * scenarios), the steering committee (pairwise weights), a project's manager (its allocations).
 */
@Component
public class PortfolioAccess {

  public static final Set<String> READ_ALL = Set.of(Roles.PMO, Roles.STEERING_COMMITTEE, Roles.AUDITORS);

  /** For {@code @PreAuthorize}: the groups that read the whole portfolio (and administrators). */
  public static final String READERS = "hasAnyAuthority(T(pmo.platform.Roles).PMO, "
      + "T(pmo.platform.Roles).STEERING_COMMITTEE, T(pmo.platform.Roles).AUDITORS, T(pmo.platform.Roles).ADMIN)";
  public static final String PMO = "hasAuthority(T(pmo.platform.Roles).PMO)";
  public static final String STEERING = "hasAuthority(T(pmo.platform.Roles).STEERING_COMMITTEE)";

  static final ReadRule PROJECT_READ = new ReadRule(READ_ALL, "project", "manager = :viewer",
      "sponsor = :viewer");
  static final ReadRule PROPOSAL_READ = new ReadRule(READ_ALL, "project_proposal",
      "requester = :viewer", "sponsor = :viewer");

  private final JdbcClient jdbc;

  PortfolioAccess(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Fails with 404 unless the viewer may read this project's or proposal's portfolio data. */
  void requireRead(Subject subject, Viewer viewer) {
    boolean sees = subject.kind() == Subject.Kind.PROJECT
        ? PROJECT_READ.sees(jdbc, subject.id(), viewer)
        : PROPOSAL_READ.sees(jdbc, subject.id(), viewer);
    if (!sees) {
      throw NotFoundException.notVisible(subject.kind().name().toLowerCase(), subject.id());
    }
  }
}
