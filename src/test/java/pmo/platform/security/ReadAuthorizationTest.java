package pmo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.change.ChangeRequestProcess;
import pmo.issue.IssueProcess;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.ProjectService;

/**
 * {@code /api} reads follow the same rules as the engine (README, "Governance that cannot be bypassed", issue 9 finding 6): for every endpoint that
 * shows cases, each kind of user sees exactly the cases they may see, one by one (else 404, existence not given away)
 * and in lists, counts and the heat map.
 */
class ReadAuthorizationTest extends IntegrationTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProjectService projects;

  String rita;
  String rob;
  String paula;
  String sam;
  String olga;
  String audrey;
  String carl;
  String owen;
  String otto;
  long project;

  @BeforeEach
  void people() {
    rita = user("rita", Roles.REQUESTERS);
    rob = user("rob", Roles.REQUESTERS);
    paula = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    sam = user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
    olga = user("olga", Roles.REQUESTERS, Roles.PMO);
    audrey = user("audrey", Roles.AUDITORS);
    carl = user("carl", Roles.REQUESTERS, Roles.CHANGE_BOARD);
    owen = user("owen", Roles.PROCESS_OWNERS);
    otto = user("otto", Roles.REQUESTERS);
    // a manager and sponsor of their own, so nobody above sees these cases through another project
    String pia = user("pia", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    String sid = user("sid", Roles.REQUESTERS);
    project = projects.register(new NewProject(null, "Reads " + unique(), "A project to read", sid, pia, "IT",
        "Operational excellence", new BigDecimal("100000.00"), LocalDate.now(), LocalDate.now().plusMonths(6),
        "Scope")).project().id();
  }

  @Test
  void riskIssueChangeAndGatesAreReadByTheirPeopleOnly() {
    String pia = "pia";
    String sid = "sid";
    assertThat(post(rita, "/api/risks", Map.of()).getStatusCode().value()).isEqualTo(403);
    long risk = raiseRisk(pia);
    long issue = issueRaisedBy(rita);
    long change = changeRaisedBy(rita);

    List<String> everybody = List.of(rita, rob, paula, sam, olga, audrey, carl, owen, otto, pia, sid);
    check("/api/risks/" + risk, "/api/risks?projectId=" + project, risk, everybody,
        Set.of(pia, otto, sid, sam, olga, audrey));
    check("/api/issues/" + issue, "/api/issues?projectId=" + project, issue, everybody,
        Set.of(rita, otto, pia, sid, sam, olga, audrey));
    check("/api/change-requests/" + change, "/api/change-requests?projectId=" + project, change, everybody,
        Set.of(rita, pia, sid, sam, olga, audrey, carl));

    List<String> failures = new ArrayList<>();
    Set<String> readGates = Set.of(pia, sid, sam, olga, audrey);
    for (String user : everybody) {
      int status = get(user, "/api/projects/" + project + "/gates").getStatusCode().value();
      expect(failures, user, "gates", status, readGates.contains(user) ? 200 : 404);
      ResponseEntity<Map> heat = get(user, "/api/risks/heat-map?projectId=" + project);
      long total = ((Number) heat.getBody().get("total")).longValue();
      expect(failures, user, "heat map total", (int) total, Set.of(pia, otto, sid, sam, olga, audrey).contains(user)
          ? 1 : 0);
      expect(failures, user, "audit trail", get(user, "/api/audit").getStatusCode().value(),
          user.equals(audrey) ? 200 : 403);
    }
    assertThat(failures).isEmpty();
  }

  private void check(String one, String list, long id, List<String> everybody, Set<String> readers) {
    List<String> failures = new ArrayList<>();
    for (String user : everybody) {
      boolean reads = readers.contains(user);
      ResponseEntity<Map> single = get(user, one);
      expect(failures, user, one, single.getStatusCode().value(), reads ? 200 : 404);
      ResponseEntity<Map> page = get(user, list);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> items = (List<Map<String, Object>>) page.getBody().get("items");
      boolean listed = items.stream().anyMatch(i -> ((Number) i.get("id")).longValue() == id);
      if (listed != reads) {
        failures.add(user + " " + list + ": listed " + listed + ", should be " + reads);
      }
      if (!reads) {
        assertThat(((Number) page.getBody().get("total")).longValue()).as(user + " " + list).isZero();
      }
    }
    assertThat(failures).isEmpty();
  }

  /** An assessed risk raised over REST by the project's manager, owned by otto. */
  private long raiseRisk(String manager) {
    ResponseEntity<Map> created = post(manager, "/api/risks", Map.of("projectId", project, "title",
        "Vendor insolvency " + unique(), "category", "SUPPLIER", "owner", otto, "probability", 3, "impact", 4,
        "monetaryImpact", 50000));
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    return ((Number) created.getBody().get("id")).longValue();
  }

  private long issueRaisedBy(String user) {
    String pi = start(user, IssueProcess.KEY, Map.of("projectId", project, "title", "Rig broken " + unique(),
        "severity", "high", "owner", otto)).getId();
    return jdbc.sql("select id from issue where process_instance_id = :pi").param("pi", pi).query(Long.class)
        .single();
  }

  private long changeRaisedBy(String user) {
    String pi = start(user, ChangeRequestProcess.KEY, Map.of("projectId", project, "title", "More reports "
        + unique(), "description", "Regional reports", "reason", "Regions ask", "changeType", "normal",
        "costDelta", 1000, "scheduleDeltaDays", 0, "qualityImpact", "none")).getId();
    return jdbc.sql("select id from change_request where process_instance_id = :pi").param("pi", pi)
        .query(Long.class).single();
  }

  private static void expect(List<String> failures, String user, String what, int got, int expected) {
    if (got != expected) {
      failures.add(user + " " + what + ": expected " + expected + ", got " + got);
    }
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> get(String user, String path) {
    return exchange(user, HttpMethod.GET, path, null);
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> post(String user, String path, Object body) {
    return exchange(user, HttpMethod.POST, path, body);
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> exchange(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, PASSWORD);
    return rest.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
  }
}
