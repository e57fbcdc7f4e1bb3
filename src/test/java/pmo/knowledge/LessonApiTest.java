package pmo.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.TestDatabase;
import pmo.platform.Roles;
import pmo.project.NewProject;
import pmo.project.ProjectService;

/**
 * /api/lessons over real HTTP: filters by category, tag and project with paging, bad input, and the search text:
 * PostgreSQL's full-text search ranked by relevance (with its web-search syntax and stemming), H2's LIKE fallback.
 */
class LessonApiTest extends IntegrationTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;
  @Autowired
  KnowledgeService knowledge;
  @Autowired
  ProjectService projects;

  String reader;
  String author;

  @BeforeEach
  void users() {
    reader = user("rita", Roles.REQUESTERS);
    author = user("paula", Roles.REQUESTERS, Roles.PROJECT_MANAGERS);
    user("sam", Roles.REQUESTERS, Roles.STEERING_COMMITTEE);
  }

  @Test
  void filtersByCategoryTagAndProjectNewestFirstWithPaging() {
    String tag = "t-" + unique();
    long it = project("IT");
    long infra = project("INFRASTRUCTURE");
    long first = write(it, "IT", "Agree the test data early", List.of(tag, "testing"));
    long second = write(it, "IT", "Keep the sponsor in the weekly demo", List.of(tag));
    long third = write(infra, "INFRASTRUCTURE", "Order hardware before the plan is final", List.of(tag, "procurement"));

    Map<String, Object> all = get("/api/lessons?tag=" + tag.toUpperCase());
    assertThat(ids(all)).containsExactly(third, second, first);
    assertThat(all).containsEntry("total", 3);
    Map<String, Object> lesson = items(all).get(2);
    assertThat(lesson).containsEntry("category", "IT").containsEntry("text", "Agree the test data early")
        .containsEntry("tags", List.of(tag, "testing")).containsEntry("author", author)
        .containsEntry("projectId", (int) it).containsEntry("projectCode", projects.find(it).code());

    assertThat(ids(get("/api/lessons?tag=" + tag + "&category=IT"))).containsExactly(second, first);
    assertThat(ids(get("/api/lessons?tag=" + tag + "&projectId=" + infra))).containsExactly(third);
    assertThat(ids(get("/api/lessons?projectId=" + it + "&category=INFRASTRUCTURE"))).isEmpty();
    Map<String, Object> page = get("/api/lessons?tag=" + tag + "&size=1&page=1");
    assertThat(ids(page)).containsExactly(second);
    assertThat(page).containsEntry("total", 3).containsEntry("page", 1).containsEntry("size", 1);
    assertThat(ids(get("/api/lessons?tag=" + tag + "&category="))).hasSize(3);
    // keyset: the page after the first lesson's id is the page by offset
    Map<String, Object> firstPage = get("/api/lessons?tag=" + tag + "&size=1");
    assertThat(firstPage.get("next")).isEqualTo(((Number) items(firstPage).get(0).get("id")).intValue());
    assertThat(ids(get("/api/lessons?tag=" + tag + "&size=1&after=" + firstPage.get("next"))))
        .containsExactly(second);
  }

  @Test
  void badFiltersGet400NamingTheField() {
    assertProblem("/api/lessons?size=500", "size", "must be between 1 and 200");
    assertProblem("/api/lessons?category=GARDENING", "category", "must be one of [IT, INFRASTRUCTURE");
    assertProblem("/api/lessons?tag=" + enc("no tags!"), "tag", "'no-tags!' is not a tag");
    assertProblem("/api/lessons?q=" + "x".repeat(201), "q", "must be at most 200 characters");
    assertProblem("/api/lessons?projectId=abc", "projectId", "must be Long, got 'abc'");
    assertProblem("/api/lessons?projectId=0", "projectId", "must be a positive id");
    assertThat(rest.getForEntity("/api/lessons", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void searchTextIsRankedByRelevanceOnPostgres() {
    assumeTrue(TestDatabase.isPostgres(), "full-text search runs on PostgreSQL");
    String word = "zq" + unique();
    long project = project("IT");
    long strong = write(project, "IT", "Sign the " + word + " vendor contract early: the vendor contract fixes the "
        + "price the vendor charges", List.of("vendor", "contract"));
    long weak = write(project, "IT", "Ask the " + word + " vendor for references", List.of("references"));
    long unrelated = write(project, "IT", "Testing " + word + " went well", List.of("testing"));

    List<Map<String, Object>> ranked = items(get("/api/lessons?q=" + enc(word + " vendor")));
    assertThat(ranked).extracting(l -> ((Number) l.get("id")).longValue()).containsExactly(strong, weak);
    double first = ((Number) ranked.get(0).get("rank")).doubleValue();
    double second = ((Number) ranked.get(1).get("rank")).doubleValue();
    assertThat(first).isGreaterThan(second);
    assertThat(second).isGreaterThan(0);

    // web-search syntax: a phrase, an exclusion; English stemming (contracts finds contract); stop words find nothing
    assertThat(ids(get("/api/lessons?q=" + enc("\"vendor contract\" " + word)))).containsExactly(strong);
    assertThat(ids(get("/api/lessons?q=" + enc(word + " vendor -contract")))).containsExactly(weak);
    assertThat(ids(get("/api/lessons?q=" + enc(word + " contracts")))).containsExactly(strong);
    assertThat(ids(get("/api/lessons?q=" + enc(word + " well")))).containsExactly(unrelated);
    assertThat(ids(get("/api/lessons?q=the&projectId=" + project))).isEmpty();
    assertThat(ids(get("/api/lessons?q=" + enc(word + " vendor") + "&tag=references"))).containsExactly(weak);
    // ranked results are paged by page, not by keyset
    assertProblem("/api/lessons?q=" + enc(word) + "&after=" + strong, "after", "cannot be used with q");
  }

  @Test
  void searchTextMatchesEveryWordOnH2() {
    assumeFalse(TestDatabase.isPostgres(), "H2 searches with LIKE");
    String word = "zq" + unique();
    long project = project("IT");
    long first = write(project, "IT", "Sign the " + word + " vendor contract early", List.of("vendor"));
    long second = write(project, "IT", "Ask the " + word + " vendor for 100% of the references", List.of("references"));
    write(project, "IT", "Testing " + word + " went well", List.of("testing"));

    assertThat(ids(get("/api/lessons?q=" + enc(word + " VENDOR")))).containsExactly(second, first);
    assertThat(ids(get("/api/lessons?q=" + enc(word + " 100%")))).containsExactly(second);
    assertThat(ids(get("/api/lessons?q=" + enc(word + " references")))).containsExactly(second);
  }

  // --- helpers

  private long project(String category) {
    return projects.register(new NewProject(null, "Lessons " + unique(), null, "sam", author, category, null,
        new BigDecimal("1000"), LocalDate.now(), LocalDate.now().plusMonths(3), "Scope")).project().id();
  }

  private long write(long projectId, String category, String text, List<String> tags) {
    actAs(author);
    try {
      return knowledge.record(List.of(new NewLesson(projectId, category, tags, text))).get(0);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** GET of a path whose query is already encoded (a URI, so nothing encodes it twice). */
  private ResponseEntity<Map<String, Object>> call(String path) {
    return rest.withBasicAuth(reader, PASSWORD).exchange(URI.create(rest.getRootUri() + path), HttpMethod.GET, null,
        JSON);
  }

  private Map<String, Object> get(String path) {
    ResponseEntity<Map<String, Object>> response = call(path);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private void assertProblem(String path, String field, String reason) {
    ResponseEntity<Map<String, Object>> response = call(path);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
    assertThat(list(response.getBody().get("errors"))).anySatisfy(e -> {
      assertThat(e.get("field")).isEqualTo(field);
      assertThat((String) e.get("reason")).contains(reason);
    });
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static List<Long> ids(Map<String, Object> page) {
    return items(page).stream().map(l -> ((Number) l.get("id")).longValue()).toList();
  }

  private static List<Map<String, Object>> items(Map<String, Object> page) {
    return list(page.get("items"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }
}
