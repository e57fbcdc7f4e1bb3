package pmo.issue;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pmo.platform.engine.CaseParties;

/** Who raised and who owns an issue, for the four-eyes rules of the decisions on its escalation. */
@Configuration(proxyBeanMethods = false)
class IssueParties {

  static final String RAISED_BY = "raisedBy";
  static final String OWNER = "owner";

  @Bean
  CaseParties issueCases(IssueRepository issues) {
    return CaseParties.of(IssueProcess.KEY, pi -> issues.idOfProcess(pi).flatMap(issues::find),
        Map.of(RAISED_BY, Issue::raisedBy, OWNER, Issue::owner));
  }
}
