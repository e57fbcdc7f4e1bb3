package pmo.improvement.proposal;

import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.NotFoundException;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.ReadRule;
import pmo.platform.Roles;
import pmo.platform.SqlFilter;
import pmo.platform.Viewer;

/**
 * Reading improvement proposals: one, a filtered page, the open ones about a process (for the standards review), the
 * ones a deployment implemented (for the catalogue of the standard). The PMO, process owners and auditors read every
 * proposal; everybody else those they proposed or implement; a proposal one may not read answers 404.
 */
@Service
public class ProposalRegister {

  static final ReadRule READ = new ReadRule(Set.of(Roles.PMO, Roles.PROCESS_OWNERS, Roles.AUDITORS),
      "improvement_proposal", "proposer = :viewer", "implementer = :viewer");

  private final ImprovementRepository proposals;
  private final JdbcClient jdbc;

  ProposalRegister(ImprovementRepository proposals, JdbcClient jdbc) {
    this.proposals = proposals;
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Proposal get(long id, Viewer viewer) {
    Proposal proposal = proposals.find(id).orElseThrow(() -> new NotFoundException("improvement proposal", id));
    if (!READ.sees(jdbc, id, viewer)) {
      throw NotFoundException.notVisible("improvement proposal", id);
    }
    return proposal;
  }

  /** One proposal, whoever asks (for the system and other capabilities; REST goes through {@link #get}). */
  @Transactional(readOnly = true)
  public Proposal find(long id) {
    return proposals.find(id).orElseThrow(() -> new NotFoundException("improvement proposal", id));
  }

  /** Proposals, newest first, filtered by status, what they concern and who proposed them; only those readable. */
  @Transactional(readOnly = true)
  public Page<Proposal> list(ProposalStatus status, String concerns, String proposer, PageRequest page,
      Viewer viewer) {
    SqlFilter filter = new SqlFilter().and("status = :status", "status", status)
        .and("concerns = :concerns", "concerns", blankToNull(concerns))
        .and("proposer = :proposer", "proposer", blankToNull(proposer));
    return proposals.list(READ.restrict(filter, viewer), page);
  }

  /** The open proposals about one process, decision or area, oldest first (for the standards review). */
  @Transactional(readOnly = true)
  public List<Proposal> openConcerning(String concerns, int limit) {
    return proposals.openConcerning(concerns, limit);
  }

  /** The proposals these deployments implemented (for the catalogue of the standard). */
  @Transactional(readOnly = true)
  public List<Proposal> implementedBy(List<String> deploymentIds) {
    return proposals.implementedBy(deploymentIds);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
