package pmo.issue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import pmo.platform.engine.CaseParties;

/** Who raised and who owns an issue, for the four-eyes rules of the decisions on its escalation. */
@Component
class IssueParties implements CaseParties {

  static final String RAISED_BY = "raisedBy";
  static final String OWNER = "owner";

  private final IssueRepository issues;

  IssueParties(IssueRepository issues) {
    this.issues = issues;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(IssueProcess.KEY);
  }

  @Override
  public Set<String> roles() {
    return Set.of(RAISED_BY, OWNER);
  }

  @Override
  public Map<String, String> parties(String processInstanceId) {
    Map<String, String> parties = new HashMap<>();
    issues.idOfProcess(processInstanceId).flatMap(issues::find).ifPresent(issue -> {
      parties.put(RAISED_BY, issue.raisedBy());
      parties.put(OWNER, issue.owner());
    });
    return parties;
  }
}
