package pmo.change;

import org.springframework.stereotype.Component;
import pmo.project.ProjectFactSource;
import pmo.project.ProjectFacts;

/** A project's open change requests (not rejected, closed or cancelled), for its facts. */
@Component
class ChangeRequestFacts implements ProjectFactSource {

  private final ChangeRequestRepository requests;

  ChangeRequestFacts(ChangeRequestRepository requests) {
    this.requests = requests;
  }

  @Override
  public ProjectFacts addTo(ProjectFacts facts, long projectId) {
    return facts.withOpenChangeRequests(requests.countOpen(projectId));
  }
}
