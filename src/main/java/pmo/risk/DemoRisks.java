package pmo.risk;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pmo.platform.PageRequest;
import pmo.project.Project;
import pmo.project.ProjectFilter;
import pmo.project.ProjectService;

/**
 * Demo profile only, once: a risk register to read on first start (the README's risk examples read it), raised as a
 * risk identification meeting raises them: each through its own risk process with its initial assessment, in the name
 * of a member of staff, so each waits for its owner's response plan in Tasklist. Together with the performance demo's
 * breach risk they cover every level from low to critical.
 */
@Component
@Profile("demo")
@Order(20)
class DemoRisks implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoRisks.class);

  /** A demo risk of the demo project at {@code project} (0-based, in registration order). */
  private record Demo(int project, String title, String category, String owner, String raisedBy, int probability,
      int impact, int monetaryImpact) {
  }

  private static final List<Demo> RISKS = List.of(
      new Demo(0, "Identity provider upgrade slips", "TECHNICAL", "paula", "rob", 3, 3, 40_000),
      new Demo(0, "Call centre staff not trained before go-live", "RESOURCES", "rob", "paula", 2, 2, 10_000),
      new Demo(1, "Cooling capacity of the target site too small", "TECHNICAL", "peter", "rob", 4, 4, 300_000),
      new Demo(2, "Retention rules change with the new regulation", "REGULATORY", "paula", "rita", 2, 5, 120_000),
      new Demo(3, "App store review delays the final release", "EXTERNAL", "peter", "rob", 5, 4, 60_000),
      new Demo(4, "ERP vendor ends support of the purchasing module", "SUPPLIER", "paula", "rob", 3, 4, 90_000));

  private final RiskRaising raising;
  private final ProjectService projects;
  private final JdbcClient jdbc;
  private final Clock clock;

  DemoRisks(RiskRaising raising, ProjectService projects, JdbcClient jdbc, Clock clock) {
    this.raising = raising;
    this.projects = projects;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (jdbc.sql("select count(*) from risk").query(Long.class).single() > 0) {
      return;
    }
    List<Project> demo = projects.list(ProjectFilter.any(), PageRequest.of(0, 20)).items().stream()
        .sorted(Comparator.comparing(Project::id)).toList();
    if (demo.size() < 5) {
      return;
    }
    LocalDate due = LocalDate.now(clock).plusWeeks(3);
    for (Demo d : RISKS) {
      raising.raiseOnBehalfOf(new NewRisk(demo.get(d.project()).id(), d.title(), d.title() + " (demo risk)",
          d.category(), null, null, d.owner(), due, d.probability(), d.impact(),
          BigDecimal.valueOf(d.monetaryImpact())), d.raisedBy());
    }
    log.info("demo risks: {} raised, each waiting for its owner's response plan", RISKS.size());
  }
}
