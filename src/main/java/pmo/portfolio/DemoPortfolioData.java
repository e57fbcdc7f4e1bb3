package pmo.portfolio;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import pmo.platform.PageRequest;
import pmo.platform.Roles;
import pmo.platform.Viewer;
import pmo.platform.engine.SystemActions;
import pmo.portfolio.review.PortfolioReviewProcess;
import pmo.project.Project;
import pmo.project.ProjectFilter;
import pmo.project.ProjectService;
import pmo.project.ProjectStatus;

/**
 * Demo profile only, once: the demo projects get the PMO's scores (so the ranking explains itself), staffing plans
 * for the next six months in which the architects are over-allocated (so the capacity report flags something), and a
 * portfolio review waits for the PMO in Tasklist.
 */
@Component
@Profile("demo")
@Order(40)
class DemoPortfolioData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoPortfolioData.class);
  private static final String PMO = "olga";

  /** Scores per demo project (by its order), criterion by criterion in the configured model's order. */
  private static final List<int[]> SCORES = List.of(new int[] {5, 4, 5, 3, 3}, new int[] {4, 4, 2, 4, 5},
      new int[] {5, 2, 3, 2, 2}, new int[] {3, 3, 4, 2, 3}, new int[] {4, 5, 2, 2, 2});

  private final ProjectService projects;
  private final ScoringService scoring;
  private final ResourceService resources;
  private final ScoreRepository scores;
  private final ScoringModels models;
  private final SystemActions system;
  private final IdentityService identity;
  private final Clock clock;

  DemoPortfolioData(ProjectService projects, ScoringService scoring, ResourceService resources, ScoreRepository scores,
      ScoringModels models, SystemActions system, IdentityService identity, Clock clock) {
    this.models = models;
    this.projects = projects;
    this.scoring = scoring;
    this.resources = resources;
    this.scores = scores;
    this.system = system;
    this.identity = identity;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<Project> running = projects.list(ProjectFilter.any(), PageRequest.of(0, 20)).items().stream()
        .filter(p -> p.status() == ProjectStatus.ACTIVE).sorted(java.util.Comparator.comparing(Project::id)).toList();
    if (running.isEmpty() || scores.anyScored()) {
      return;
    }
    identity.setAuthentication(PMO, List.of(Roles.PMO));
    try {
      Viewer pmo = new Viewer(PMO, java.util.Set.of(Roles.PMO));
      String from = YearMonth.now(clock).toString();
      String to = YearMonth.now(clock).plusMonths(5).toString();
      List<String> criteria = models.current().criteria().stream().map(Criterion::id).toList();
      for (int i = 0; i < running.size(); i++) {
        Project project = running.get(i);
        int[] given = SCORES.get(i % SCORES.size());
        Map<String, Integer> byCriterion = new java.util.LinkedHashMap<>();
        for (int c = 0; c < criteria.size(); c++) {
          byCriterion.put(criteria.get(c), given[c % given.length]);
        }
        scoring.score(Subject.project(project.id()), byCriterion, "Demo scoring", ScoringService.Source.REST,
            criterion -> "scores." + criterion);
        // every project needs an architect half or full time: 1.5 architects are too few in the first months
        resources.setPlan(Subject.project(project.id()), List.of(
            new StaffingLine("developer", from, to, new BigDecimal(i % 2 == 0 ? "2" : "1.5")),
            new StaffingLine("architect", from, to, new BigDecimal(i % 2 == 0 ? "0.5" : "1"))), pmo);
      }
      system.startProcess(PortfolioReviewProcess.KEY, null,
          Map.of(PortfolioReviewProcess.OCCASION.name(), "Quarterly review (demo)"));
      log.info("demo portfolio: {} projects scored and staffed, one portfolio review waiting", running.size());
    } finally {
      identity.clearAuthentication();
    }
  }
}
