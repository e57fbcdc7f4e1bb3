package pmo.risk;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.escalation.EscalationService;
import pmo.platform.NotFoundException;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.Viewer;
import pmo.project.ProjectService;

/** Reads of the risk register: one risk with its history, paged filtered lists, the heat map, gate facts. */
@Service
public class RiskRegister {

  private final RiskRepository risks;
  private final EscalationService escalations;
  private final ProjectService projects;
  private final Clock clock;

  RiskRegister(RiskRepository risks, EscalationService escalations, ProjectService projects, Clock clock) {
    this.risks = risks;
    this.escalations = escalations;
    this.projects = projects;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Risk get(long id) {
    return risks.find(id).orElseThrow(() -> new NotFoundException("risk", id));
  }

  /** A risk with its history and escalations, for a reader who may see it (else it is not found). */
  @Transactional(readOnly = true)
  public RiskDetails details(long id, Viewer viewer) {
    Risk risk = get(id);
    if (!risks.sees(id, viewer)) {
      throw NotFoundException.notVisible("risk", id);
    }
    return new RiskDetails(risk, risks.history(id), escalations.of(RiskService.ENTITY, id));
  }

  /** The risks the reader may see, filtered and paged. */
  @Transactional(readOnly = true)
  public Page<Risk> list(RiskFilter filter, PageRequest page, Viewer viewer) {
    return risks.list(filter, LocalDate.now(clock), page, viewer);
  }

  /**
   * Open, assessed risks per probability × impact cell, for a project or (projectId null) the portfolio; an unknown
   * project is not found.
   */
  @Transactional(readOnly = true)
  public HeatMap heatMap(Long projectId, Viewer viewer) {
    if (projectId != null) {
      projects.find(projectId);
    }
    long[][] counts = new long[5][5];
    long total = 0;
    for (long[] cell : risks.heatMap(projectId, viewer)) {
      counts[(int) cell[0] - 1][(int) cell[1] - 1] = cell[2];
      total += cell[2];
    }
    return new HeatMap(projectId, counts, total);
  }

  /** How many of a project's open risks are HIGH or CRITICAL (a KPI of its status reports). */
  @Transactional(readOnly = true)
  public long openHighOrCritical(long projectId) {
    return risks.openHighOrCritical(projectId);
  }

  /** A project's open, assessed and unanswered critical risks. */
  @Transactional(readOnly = true)
  RiskRepository.OpenRisks openRisks(long projectId) {
    return risks.openRisks(projectId);
  }
}
