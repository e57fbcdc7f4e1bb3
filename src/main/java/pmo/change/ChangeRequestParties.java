package pmo.change;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import pmo.platform.engine.CaseParties;

/** The people on a change request, for the four-eyes rules of its tasks: who raised it and who implemented it. */
@Component
class ChangeRequestParties implements CaseParties {

  static final String REQUESTER = "requester";
  static final String IMPLEMENTER = "implementer";

  private final ChangeRequestRepository requests;

  ChangeRequestParties(ChangeRequestRepository requests) {
    this.requests = requests;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(ChangeRequestProcess.KEY);
  }

  @Override
  public Set<String> roles() {
    return Set.of(REQUESTER, IMPLEMENTER);
  }

  @Override
  public Map<String, String> parties(String processInstanceId) {
    Map<String, String> parties = new HashMap<>();
    requests.findByProcessInstance(processInstanceId).ifPresent(request -> {
      parties.put(REQUESTER, request.requester());
      if (request.implementedBy() != null) {
        parties.put(IMPLEMENTER, request.implementedBy());
      }
    });
    return parties;
  }
}
