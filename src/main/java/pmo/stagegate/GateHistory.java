package pmo.stagegate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.NotFoundException;
import pmo.platform.ReadRule;
import pmo.platform.Roles;
import pmo.platform.Viewer;
import pmo.project.Project;
import pmo.project.ProjectService;

/**
 * A project's gate history for {@code /api/projects/{id}/gates}: each gate with its packages, must-meet checks, scores
 * and decisions, for those who may read it.
 */
@Service
class GateHistory {

  private final GateRepository gates;
  private final StageGateSettings settings;
  private final ProjectService projects;
  private final ObjectMapper json;
  private final JdbcClient jdbc;

  GateHistory(GateRepository gates, StageGateSettings settings, ProjectService projects, ObjectMapper json,
      JdbcClient jdbc) {
    this.gates = gates;
    this.settings = settings;
    this.projects = projects;
    this.json = json;
    this.jdbc = jdbc;
  }

  /**
   * Who reads a project's gate history: the PMO, auditors and the steering committee (gate boards) for every project;
   * everybody else for the projects they manage or sponsor, or submitted a package for.
   */
  static final ReadRule READ = new ReadRule(Set.of(Roles.PMO, Roles.AUDITORS, Roles.STEERING_COMMITTEE), "project",
      "manager = :viewer", "sponsor = :viewer",
      "exists (select 1 from gate_package g where g.project_id = project.id and g.submitted_by = :viewer)");

  /** Each gate of a project with its history: packages, must-meet checks, decisions with scores. */
  @Transactional(readOnly = true)
  public ProjectGates history(long projectId, Viewer viewer) {
    Project project = projects.find(projectId);
    if (!READ.sees(jdbc, projectId, viewer)) {
      throw NotFoundException.notVisible("gate history of project", projectId);
    }
    return new GateHistoryReader(gates, settings, json).read(project);
  }
}
