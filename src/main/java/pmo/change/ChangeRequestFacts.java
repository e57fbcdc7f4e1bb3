package pmo.change;

import java.util.Map;
import org.springframework.stereotype.Component;
import pmo.project.ProjectFactSource;

/** Contributes {@code openChangeRequests} (not rejected, closed or cancelled) to decisions about a project. */
@Component
class ChangeRequestFacts implements ProjectFactSource {

  private final ChangeRequestRepository requests;

  ChangeRequestFacts(ChangeRequestRepository requests) {
    this.requests = requests;
  }

  @Override
  public Map<String, Object> factsFor(long projectId) {
    return Map.of("openChangeRequests", requests.countOpen(projectId));
  }
}
