package pmo.knowledge;

import java.util.Comparator;
import java.util.List;
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
import pmo.project.Project;
import pmo.project.ProjectFilter;
import pmo.project.ProjectService;
import pmo.project.Stage;

/**
 * Demo profile only, once: the knowledge base starts with the lessons the field-service app's team wrote down during
 * the project (its post-project review still waits in Tasklist), written by its manager through the knowledge
 * service, so the lessons search of the README answers with data on first start.
 */
@Component
@Profile("demo")
@Order(22)
class DemoLessons implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoLessons.class);

  private final KnowledgeService knowledge;
  private final LessonRepository lessons;
  private final ProjectService projects;
  private final IdentityService identity;

  DemoLessons(KnowledgeService knowledge, LessonRepository lessons, ProjectService projects,
      IdentityService identity) {
    this.knowledge = knowledge;
    this.lessons = lessons;
    this.projects = projects;
    this.identity = identity;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (lessons.any()) {
      return;
    }
    Project closing = projects.list(ProjectFilter.any(), PageRequest.of(0, 20)).items().stream()
        .filter(p -> p.stage() == Stage.CLOSURE).min(Comparator.comparing(Project::id)).orElse(null);
    if (closing == null) {
      return;
    }
    long id = closing.id();
    String category = closing.category();
    identity.setAuthentication(closing.manager(), List.of(Roles.REQUESTERS, Roles.PROJECT_MANAGERS));
    try {
      knowledge.record(List.of(
          new NewLesson(id, category, List.of("went-well", "testing"),
              "Field technicians tested every sprint's build on their own devices; defects were found weeks earlier."),
          new NewLesson(id, category, List.of("to-improve", "vendor", "contract"),
              "The vendor contract fixed no release windows, so app store releases waited on the vendor; agree the "
                  + "windows in the contract."),
          new NewLesson(id, category, List.of("to-improve", "requirements"),
              "Offline use was specified late; ask for offline use cases in the G1 package."),
          new NewLesson(id, category, List.of("went-well", "stakeholders"),
              "A service manager in the steering committee settled scope questions within a week.")));
    } finally {
      identity.clearAuthentication();
    }
    log.info("demo lessons: 4 written for {}", closing.code());
  }
}
