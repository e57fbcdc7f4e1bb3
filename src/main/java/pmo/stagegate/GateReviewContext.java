package pmo.stagegate;

import java.util.Comparator;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import pmo.platform.engine.CaseContexts;
import pmo.platform.engine.ContextText;
import pmo.project.Project;
import pmo.project.ProjectContextLines;
import pmo.project.ProjectService;

/**
 * What the tasks of a gate review, and the project lifecycle's post-project review, show above their forms (issue 10
 * point 4), read from the stored project and its gate rows when the task is created: the project and its baseline, the gate under review with its attempt, the latest
 * package's RAG and whether it met the must-meet criteria, and the earlier packages and gate decisions of the project
 * with who, when and their notes. The project is the one {@link GateReviews} finds for the review (never from a
 * variable).
 */
@Component
class GateReviewContext implements CaseContexts {

  private final GateRepository gates;
  private final GateReviews reviews;
  private final ProjectService projects;
  private final ProjectContextLines lines;

  GateReviewContext(GateRepository gates, GateReviews reviews, ProjectService projects, ProjectContextLines lines) {
    this.gates = gates;
    this.reviews = reviews;
    this.projects = projects;
    this.lines = lines;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(GateReviewProcess.KEY, LifecycleProcess.KEY);
  }

  @Override
  public String describe(DelegateTask task) {
    Project project = projects.find(reviews.projectOfLifecycle(task.getExecution()));
    // the lifecycle's own task (the post-project review) looks back on every gate of the project
    boolean lifecycle = task.getProcessDefinitionId().startsWith(LifecycleProcess.KEY + ":");
    return describe(project, task.getProcessInstanceId(), lifecycle);
  }

  private String describe(Project project, String processInstanceId, boolean lifecycle) {
    var latest = gates.latestPackageOfProcess(processInstanceId);
    Gate gate = lifecycle ? null
        : latest.map(GateRepository.PackageRow::gate).or(() -> Gate.closing(project.stage())).orElse(null);
    ContextText text = lines.addTo(new ContextText().heading(project.code() + " · "
        + (lifecycle ? "post-project review" : gate == null ? "gate review" : gate.name() + " " + gate.title)),
        project.id());
    if (gate != null) {
      text.line("Gate", gate.name() + " · " + gate.title + " (" + ContextText.word(gate.closes.name()) + " → "
          + ContextText.word(gate.opens.name()) + ")");
    }
    latest.ifPresent(p -> text.line("Package", "attempt " + p.attempt() + ", RAG "
        + (p.rag() == null ? "none" : ContextText.word(p.rag().name())) + ", submitted by " + p.submittedBy()));
    latest.flatMap(p -> gates.checks(project.id()).stream().filter(c -> c.packageId() == p.id())
            .max(Comparator.comparingLong(GateRepository.CheckRow::id)))
        .ifPresent(c -> text.line("Must-meet criteria", c.passed() ? "all met" : "not all met (see below)"));
    for (GateRepository.PackageRow p : gates.packages(project.id())) {
      text.decision(p.submittedAt(), "Gate package " + p.gate().name() + ", attempt " + p.attempt(), p.submittedBy(),
          p.summary());
    }
    for (GateRepository.DecisionRow d : gates.decisions(project.id())) {
      text.decision(d.decidedAt(), "Gate decision " + d.gate().name() + ": " + d.decision().value()
          + (d.holdUntil() == null ? "" : " until " + d.holdUntil()), d.decidedBy(), d.notes());
    }
    return text.text();
  }
}
