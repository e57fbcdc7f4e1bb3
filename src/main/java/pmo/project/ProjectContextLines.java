package pmo.project;

import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import pmo.platform.Money;
import pmo.platform.engine.ContextText;

/**
 * The project part of a decision form's context (issue 10 point 4), the same in every capability's forms: the
 * project's code and name, its manager and sponsor, its stage and status, and its current baseline (budget in
 * {@code pmo.currency}, planned dates and duration), read from the project's rows.
 */
@Component
public class ProjectContextLines {

  private final ProjectService projects;
  private final Money money;

  ProjectContextLines(ProjectService projects, Money money) {
    this.projects = projects;
    this.money = money;
  }

  /** Adds the project's lines to a context. */
  public ContextText addTo(ContextText text, long projectId) {
    // the project and its current baseline only: a context is written for every task, and a project's baselines
    // grow by one with every approved change
    Project project = projects.find(projectId);
    return text.line("Project", project.code() + " · " + project.name())
        .line("Project manager", project.manager() == null ? "none named" : project.manager())
        .line("Sponsor", project.sponsor())
        .line("Stage", ContextText.word(project.stage().name()) + ", " + ContextText.word(project.status().name()))
        .line("Current baseline", baseline(projects.currentBaseline(projectId)));
  }

  /** A baseline in words: {@code v2: budget 125,000.00 EUR, planned 2026-01-01 to 2026-04-10 (100 days)}. */
  public String baseline(Baseline b) {
    return "v" + b.version() + ": budget " + money.format(b.budgetAtCompletion()) + ", planned " + b.plannedStart()
        + " to " + b.plannedFinish() + " (" + plannedDays(b) + " days)";
  }

  /** The planned duration in days, both ends included (as change control measures schedule deltas). */
  public static long plannedDays(Baseline b) {
    return ChronoUnit.DAYS.between(b.plannedStart(), b.plannedFinish()) + 1;
  }
}
