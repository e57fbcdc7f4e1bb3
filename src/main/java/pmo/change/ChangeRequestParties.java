package pmo.change;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pmo.platform.engine.CaseParties;

/** The people on a change request, for the four-eyes rules of its tasks: who raised it and who implemented it. */
@Configuration(proxyBeanMethods = false)
class ChangeRequestParties {

  static final String REQUESTER = "requester";
  static final String IMPLEMENTER = "implementer";

  @Bean
  CaseParties changeRequestCases(ChangeRequestRepository requests) {
    return CaseParties.of(ChangeRequestProcess.KEY, requests::findByProcessInstance,
        Map.of(REQUESTER, ChangeRequest::requester, IMPLEMENTER, ChangeRequest::implementedBy));
  }
}
