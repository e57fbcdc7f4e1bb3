package pmo.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Demo profile only: a handful of projects in different stages, registered once, so a newcomer sees a portfolio. */
@Component
@Profile("demo")
@Order(10)
class DemoPortfolio implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoPortfolio.class);

  private record Demo(String name, String category, String objective, int budgetThousands, int startOffsetMonths,
      int months, Stage stage, String manager) {
  }

  private static final List<Demo> PORTFOLIO = List.of(
      new Demo("Customer self-service portal", "IT", "Digital customer experience", 850, -10, 14, Stage.EXECUTION,
          "paula"),
      new Demo("Data centre consolidation", "INFRASTRUCTURE", "Lower operating cost", 2400, -4, 20, Stage.PLANNING,
          "peter"),
      new Demo("GDPR records retention", "REGULATORY", "Compliance", 320, -1, 8, Stage.INITIATION, "paula"),
      new Demo("Mobile field-service app", "PRODUCT", "Digital customer experience", 640, -16, 17, Stage.CLOSURE,
          "peter"),
      new Demo("Procure-to-pay streamlining", "PROCESS_IMPROVEMENT", "Lower operating cost", 410, -7, 12,
          Stage.EXECUTION, "paula"));

  private final ProjectService projects;
  private final IdentityService identity;
  private final Clock clock;
  private final TransactionTemplate transaction;

  DemoPortfolio(ProjectService projects, IdentityService identity, Clock clock, TransactionTemplate transaction) {
    this.projects = projects;
    this.identity = identity;
    this.clock = clock;
    this.transaction = transaction;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (projects.list(ProjectFilter.any(), pmo.platform.PageRequest.of(0, 1)).total() > 0) {
      return;
    }
    identity.setAuthentication("olga", List.of("pmo"));
    try {
      LocalDate today = LocalDate.now(clock);
      for (Demo d : PORTFOLIO) {
        LocalDate start = today.plusMonths(d.startOffsetMonths()).withDayOfMonth(1);
        // registered and moved to its stage in one transaction: whatever starts with the registration (the
        // project's lifecycle) sees the project in its demo stage
        transaction.executeWithoutResult(status -> {
          ProjectDetails created = projects.register(new NewProject(null, d.name(), d.name() + " (demo project)",
              "sam", d.manager(), d.category(), d.objective(), BigDecimal.valueOf(d.budgetThousands() * 1000L), start,
              start.plusMonths(d.months()).minusDays(1), "Demo scope of " + d.name()));
          if (d.stage() != Stage.INITIATION) {
            projects.moveToStage(created.project().id(), d.stage());
          }
        });
      }
      log.info("registered the demo portfolio of {} projects", PORTFOLIO.size());
    } finally {
      identity.clearAuthentication();
    }
  }
}
