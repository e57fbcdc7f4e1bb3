package pmo.stagegate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import pmo.project.Project;

/** Builds a project's gate history from six queries (packages, deliverables, checks, criteria, decisions, scores). */
final class GateHistoryReader {

  private static final TypeReference<Map<String, Object>> FACTS = new TypeReference<>() {
  };

  private final GateRepository gates;
  private final StageGateSettings settings;
  private final ObjectMapper json;

  GateHistoryReader(GateRepository gates, StageGateSettings settings, ObjectMapper json) {
    this.gates = gates;
    this.settings = settings;
    this.json = json;
  }

  ProjectGates read(Project project) {
    long id = project.id();
    Map<Long, List<ProjectGates.Deliverable>> deliverables = gates.deliverables(id).stream()
        .collect(Collectors.groupingBy(GateRepository.DeliverableRow::packageId,
            Collectors.mapping(d -> new ProjectGates.Deliverable(d.deliverable(), d.label(), d.delivered()),
                Collectors.toList())));
    Map<Long, List<CriterionResult>> criteria = gates.criteria(id).stream()
        .collect(Collectors.groupingBy(GateRepository.CriterionRow::checkId,
            Collectors.mapping(c -> new CriterionResult(c.criterion(), c.label(), c.passed(), c.advice()),
                Collectors.toList())));
    Map<Long, List<ProjectGates.Score>> scores = gates.scores(id).stream()
        .collect(Collectors.groupingBy(GateRepository.ScoreRow::decisionId,
            Collectors.mapping(s -> new ProjectGates.Score(s.criterion(), s.label(), s.weight(), s.score()),
                Collectors.toList())));
    Map<Long, List<ProjectGates.Check>> checks = gates.checks(id).stream()
        .collect(Collectors.groupingBy(GateRepository.CheckRow::packageId,
            Collectors.mapping(c -> new ProjectGates.Check(c.id(), c.occasion(), c.passed(), facts(c.facts()),
                criteria.getOrDefault(c.id(), List.of()), c.checkedAt()), Collectors.toList())));
    Map<Long, List<ProjectGates.Decision>> decisions = gates.decisions(id).stream()
        .collect(Collectors.groupingBy(GateRepository.DecisionRow::packageId,
            Collectors.mapping(d -> new ProjectGates.Decision(d.id(), d.decision(), d.notes(),
                d.holdUntil(), d.totalScore(), scores.getOrDefault(d.id(), List.of()), d.checkId(),
                criteria.getOrDefault(d.checkId(), List.of()), d.decidedBy(), d.decidedAt()), Collectors.toList())));
    Map<Gate, List<GateRepository.PackageRow>> packages = gates.packages(id).stream()
        .collect(Collectors.groupingBy(GateRepository.PackageRow::gate));

    List<ProjectGates.GateHistory> history = new ArrayList<>();
    for (Gate gate : Gate.values()) {
      List<ProjectGates.PackageHistory> gatePackages = packages.getOrDefault(gate, List.of()).stream()
          .map(p -> new ProjectGates.PackageHistory(p.id(), p.attempt(), p.summary(), p.links(), p.rag(),
              p.submittedBy(), p.submittedAt(), deliverables.getOrDefault(p.id(), List.of()),
              checks.getOrDefault(p.id(), List.of()), decisions.getOrDefault(p.id(), List.of())))
          .toList();
      GateDecision outcome = gatePackages.stream().flatMap(p -> p.decisions().stream())
          .map(ProjectGates.Decision::decision).filter(GateDecision::endsReview).reduce((a, b) -> b).orElse(null);
      history.add(new ProjectGates.GateHistory(gate, gate.title, settings.board(gate), outcome, gatePackages));
    }
    return new ProjectGates(id, project.code(), project.name(), project.stage(), project.status(), history);
  }

  private Map<String, Object> facts(String text) {
    try {
      return json.readValue(text, FACTS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("gate check facts are not JSON: " + text, e);
    }
  }
}
