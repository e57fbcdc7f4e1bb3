package pmo.improvement.proposal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;
import pmo.knowledge.KnowledgeService;
import pmo.platform.InputErrors;
import pmo.platform.NotFoundException;
import pmo.platform.engine.SystemActions;
import pmo.project.ProjectService;

/**
 * The rules of a proposal's text, whether it comes from the start form, the revise form, REST or a standards review:
 * the texts are given and not too long, it concerns a deployed process or decision or an area of the standard, the
 * project (if any) exists, and the lessons it came from exist. All faults are reported at once, naming each field.
 */
@Component
class ProposalChecks {

  static final int MAX_TITLE = 200;
  static final int MAX_TEXT = 4000;
  static final int MAX_LESSONS = 20;

  private final ProjectService projects;
  private final KnowledgeService knowledge;
  private final RepositoryService repository;
  private final SystemActions system;
  private final ProposalSettings settings;

  ProposalChecks(ProjectService projects, KnowledgeService knowledge, RepositoryService repository,
      SystemActions system, ProposalSettings settings) {
    this.projects = projects;
    this.knowledge = knowledge;
    this.repository = repository;
    this.system = system;
    this.settings = settings;
  }

  /** Checks a draft; returns the lesson ids it names, in order. */
  List<Long> check(ProposalDraft d) {
    InputErrors errors = new InputErrors();
    errors.requireText(d.title(), "title", MAX_TITLE);
    errors.requireText(d.problem(), "problem", MAX_TEXT);
    errors.requireText(d.proposal(), "proposal", MAX_TEXT);
    errors.requireText(d.expectedBenefit(), "expectedBenefit", MAX_TEXT);
    if (d.concerns() == null || d.concerns().isBlank()) {
      errors.add("concerns", "is required: the process, decision or area of the standard it concerns");
    } else if (!concernable().contains(d.concerns())) {
      errors.add("concerns", "'" + d.concerns() + "' is neither a deployed process or decision nor an area of the"
          + " standard (" + String.join(", ", settings.areas()) + ")");
    }
    if (d.projectId() != null) {
      try {
        projects.find(d.projectId());
      } catch (NotFoundException e) {
        errors.add("projectId", "no project " + d.projectId());
      }
    }
    List<Long> lessons = lessons(errors, d.lessonIds());
    errors.throwIfAny();
    return lessons;
  }

  /** Everything a proposal may concern: the deployed process and decision keys and the configured areas. */
  Set<String> concernable() {
    Set<String> keys = new TreeSet<>(settings.areas());
    system.call(() -> {
      repository.createProcessDefinitionQuery().latestVersion().listPage(0, 2000).stream()
          .map(ProcessDefinition::getKey).forEach(keys::add);
      repository.createDecisionDefinitionQuery().latestVersion().listPage(0, 2000).stream()
          .map(DecisionDefinition::getKey).forEach(keys::add);
      return null;
    });
    return keys;
  }

  private List<Long> lessons(InputErrors errors, String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    Set<Long> ids = new LinkedHashSet<>();
    for (String token : text.trim().split("[,;\\s]+")) {
      try {
        long id = Long.parseLong(token.startsWith("#") ? token.substring(1) : token);
        if (id <= 0) {
          throw new NumberFormatException();
        }
        ids.add(id);
      } catch (NumberFormatException e) {
        errors.add("lessonIds", "'" + token + "' is not a lesson id (ids separated by commas)");
      }
    }
    errors.require(ids.size() <= MAX_LESSONS, "lessonIds", "at most " + MAX_LESSONS + " lessons");
    List<Long> found = new ArrayList<>();
    for (Long id : ids) {
      if (knowledge.find(id).isPresent()) {
        found.add(id);
      } else {
        errors.add("lessonIds", "no lesson " + id);
      }
    }
    return found;
  }
}
