package pmo.issue;

import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pmo.platform.PageRequest;
import pmo.platform.Roles;
import pmo.project.Project;
import pmo.project.ProjectFilter;
import pmo.project.ProjectService;

/**
 * Demo profile only, once: two issues of the portal project (one critical) raised through the issue process in a
 * requester's name, waiting for the project manager's triage in Tasklist, so the issue log has something to read on
 * first start (the README's issue examples read it).
 */
@Component
@Profile("demo")
@Order(21)
class DemoIssues implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoIssues.class);
  private static final String RAISED_BY = "rob";

  private final IssueService issues;
  private final ProjectService projects;
  private final IdentityService identity;
  private final JdbcClient jdbc;

  DemoIssues(IssueService issues, ProjectService projects, IdentityService identity, JdbcClient jdbc) {
    this.issues = issues;
    this.projects = projects;
    this.identity = identity;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (jdbc.sql("select count(*) from issue").query(Long.class).single() > 0) {
      return;
    }
    Project portal = projects.list(ProjectFilter.any(), PageRequest.of(0, 20)).items().stream()
        .min(Comparator.comparing(Project::id)).orElse(null);
    if (portal == null) {
      return;
    }
    identity.setAuthentication(RAISED_BY, List.of(Roles.REQUESTERS));
    try {
      issues.raise(new NewIssue(portal.id(), "Login fails for customers with accented names",
          "Since the last release customers whose names contain accents cannot log in (demo issue)",
          IssueSeverity.CRITICAL, "rob", null));
      issues.raise(new NewIssue(portal.id(), "Test environment down twice a week",
          "The shared test environment is rebooted by another team without notice (demo issue)",
          IssueSeverity.MEDIUM, "paula", null));
    } finally {
      identity.clearAuthentication();
    }
    log.info("demo issues: 2 raised, waiting for triage");
  }
}
