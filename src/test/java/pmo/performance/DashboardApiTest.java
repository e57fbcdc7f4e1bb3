package pmo.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import pmo.platform.Roles;
import pmo.project.Project;

/**
 * Every figure of the dashboard as an endpoint of /api/performance, on seeded weeks of reports: the PMO reads them
 * all; a manager of other projects sees none of these projects (404 one by one, absent from lists); bad paging is 400.
 */
class DashboardApiTest extends PerformanceTestSupport {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;
  @Autowired
  PerformanceSeed seed;

  @Test
  void everyFigureIsAnEndpointWithPagingAndTheReadRule() {
    user("rita", Roles.REQUESTERS);
    user("olga", Roles.REQUESTERS, Roles.PMO);
    Project onPlan = project();
    Project slipping = project();
    seed.seed(List.of(onPlan, slipping), "rita", "olga");

    Map<String, Object> portfolio = get(pmo, "/api/performance/portfolio").getBody();
    assertThat(((Number) portfolio.get("reporting")).longValue()).isGreaterThanOrEqualTo(2);
    assertThat(((Number) portfolio.get("bandRed")).longValue()).isGreaterThanOrEqualTo(1);
    assertThat(((Number) portfolio.get("reportsMissing")).longValue()).isGreaterThanOrEqualTo(1);

    Map<String, Object> mine = get(pm, "/api/performance/portfolio").getBody();
    assertThat(((Number) mine.get("reporting")).longValue()).isEqualTo(2);
    assertThat(items(get(pm, "/api/performance/projects?size=200"))).extracting(p -> p.get("code"))
        .containsExactlyInAnyOrder(onPlan.code(), slipping.code());

    Map<String, Object> detail = get(pmo, "/api/performance/projects/" + slipping.id()).getBody();
    assertThat(detail.get("reported")).isEqualTo(true);
    assertThat(detail.get("openPlan")).isNotNull();
    assertThat(items(get(pmo, "/api/performance/projects/" + slipping.id() + "/s-curve?size=200")))
        .hasSize(PerformanceSeed.WEEKS);
    List<Map<String, Object>> trend = items(get(pmo, "/api/performance/projects/" + slipping.id() + "/trend"));
    assertThat(trend).hasSize(PerformanceSeed.WEEKS);
    assertThat(trend.get(trend.size() - 1).get("trendFalling")).isEqualTo(true);
    assertThat(items(get(pmo, "/api/performance/projects/" + onPlan.id() + "/reports?status=DUE"))).hasSize(1);
    assertThat(items(get(pmo, "/api/performance/projects?band=RED&size=200"))).extracting(p -> p.get("code"))
        .contains(slipping.code()).doesNotContain(onPlan.code());
    assertThat(items(get(pmo, "/api/performance/trend?size=200"))).isNotEmpty();
    assertThat(items(get(pmo, "/api/performance/forecast?late=true&size=200"))).extracting(p -> p.get("code"))
        .contains(slipping.code());
    assertThat(((Number) get(pmo, "/api/performance/risk-heat-map").getBody().get("total")).longValue()).isPositive();
    assertThat(items(get(pmo, "/api/performance/change-cycle-time"))).isNotEmpty();
    assertThat(items(get(pmo, "/api/performance/missing-reports?projectId=" + onPlan.id()))).hasSize(1);
    assertThat(items(get(pmo, "/api/performance/plans?status=DRAFTING&projectId=" + slipping.id()))).hasSize(1);
    assertThat(items(get(pmo, "/api/performance/reports?kind=WEEKLY"))).isNotEmpty();
    ResponseEntity<List<Map<String, Object>>> escalations = rest.withBasicAuth(pmo, PASSWORD).exchange(
        "/api/performance/escalations", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
        });
    assertThat(escalations.getBody()).extracting(e -> e.get("entityType"))
        .containsExactly("RISK", "ISSUE", "CHANGE_REQUEST", "STATUS_REPORT");

    String stranger = user("pm-other-" + unique(), Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    assertThat(get(stranger, "/api/performance/projects/" + slipping.id()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(stranger, "/api/performance/projects/" + slipping.id() + "/s-curve").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(items(get(stranger, "/api/performance/projects?size=200"))).isEmpty();
    assertThat(get(stranger, "/api/performance/plans").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(pmo, "/api/performance/projects?size=500").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get(pmo, "/api/performance/projects?band=PURPLE").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, JSON);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(ResponseEntity<Map<String, Object>> response) {
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    return (List<Map<String, Object>>) response.getBody().get("items");
  }
}
