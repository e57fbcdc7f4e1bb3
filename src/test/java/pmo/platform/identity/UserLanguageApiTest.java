package pmo.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import pmo.IntegrationTest;
import pmo.audit.AuditService;
import pmo.platform.Roles;

/**
 * {@code GET/PUT /api/me/language}: the signed-in user reads and chooses their notices' language; a value that is no
 * language of ours is refused naming the field, with nothing written; without credentials, 401.
 */
class UserLanguageApiTest extends IntegrationTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;
  @Autowired
  Directory directory;
  @Autowired
  AuditService audit;

  @Test
  void aUserChoosesTheirLanguageReadsItBackAndABadValueChangesNothing() {
    String user = user("lang-" + unique(), Roles.REQUESTERS);
    assertThat(get(user).getBody()).isEqualTo(Map.of("language", "en", "available", List.of("en", "zh-CN")));
    assertThat(directory.language(user)).isEqualTo(Locale.ENGLISH);

    ResponseEntity<Map<String, Object>> chosen = put(user, Map.of("language", "zh-CN"));
    assertThat(chosen.getStatusCode().value()).as(String.valueOf(chosen.getBody())).isEqualTo(200);
    assertThat(chosen.getBody()).containsEntry("language", "zh-CN");
    assertThat(get(user).getBody()).containsEntry("language", "zh-CN");
    assertThat(directory.language(user)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(audit.forEntity("USER", user)).extracting(e -> e.action() + " by " + e.actor())
        .containsExactly("USER_LANGUAGE_CHOSEN by " + user);

    List<Map<String, Object>> bads = List.of(Map.of("language", "fr"), Map.of("language", "zh"), Map.of());
    for (Map<String, Object> bad : bads) {
      ResponseEntity<Map<String, Object>> refused = put(user, bad);
      assertThat(refused.getStatusCode().value()).as(bad + " " + refused.getBody()).isEqualTo(400);
      assertThat(refused.getBody().get("errors")).as(String.valueOf(bad)).asList().singleElement()
          .satisfies(error -> {
            assertThat(((Map<?, ?>) error).get("field")).isEqualTo("language");
            assertThat(((Map<?, ?>) error).get("reason").toString()).contains("en, zh-CN");
          });
    }
    assertThat(get(user).getBody()).as("nothing written").containsEntry("language", "zh-CN");
    assertThat(audit.forEntity("USER", user)).hasSize(1);

    // each user their own: another user still reads English
    String other = user("lang-" + unique(), Roles.REQUESTERS);
    assertThat(get(other).getBody()).containsEntry("language", "en");
  }

  @Test
  void withoutCredentialsItIs401() {
    assertThat(rest.exchange("/api/me/language", HttpMethod.GET, null, JSON).getStatusCode().value())
        .isEqualTo(401);
    assertThat(rest.exchange("/api/me/language", HttpMethod.PUT, new HttpEntity<>(Map.of("language", "en")), JSON)
        .getStatusCode().value()).isEqualTo(401);
  }

  private ResponseEntity<Map<String, Object>> get(String user) {
    return rest.withBasicAuth(user, PASSWORD).exchange("/api/me/language", HttpMethod.GET, null, JSON);
  }

  private ResponseEntity<Map<String, Object>> put(String user, Map<String, Object> body) {
    return rest.withBasicAuth(user, PASSWORD).exchange("/api/me/language", HttpMethod.PUT, new HttpEntity<>(body),
        JSON);
  }
}
