package pmo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Simplified Chinese of the Camunda webapps (src/main/resources/META-INF/resources/webjars/camunda/app/<app>/
 * locales/zh.json) covers every label of the English file in the Camunda jar on the classpath, keeps every placeholder
 * ({{name}}, {}, links) and the date settings' shape, and is offered by the app's config.js. A Camunda upgrade that
 * adds or changes labels fails here until they are translated.
 */
class WebappTranslationsTest {

  private static final String APP = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}|\\{}|<a\\s[^>]*>|</a>|<br/>");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void everyEnglishLabelHasAChineseTranslationWithItsPlaceholders(String app) throws IOException {
    JsonNode en = read(APP + app + "/locales/en.json");
    JsonNode zh = read(APP + app + "/locales/zh.json");

    List<String> missing = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    en.path("labels").fields().forEachRemaining(label -> {
      JsonNode translated = zh.path("labels").get(label.getKey());
      String english = label.getValue().asText();
      if (translated == null || !translated.isTextual() || (translated.asText().isBlank() && !english.isBlank())) {
        missing.add(label.getKey());
      } else if (!placeholders(english).equals(placeholders(translated.asText()))) {
        broken.add(label.getKey() + ": " + placeholders(english) + " vs " + placeholders(translated.asText()));
      }
    });
    assertThat(missing).as("labels of %s without a translation", app).isEmpty();
    assertThat(broken).as("labels of %s whose placeholders differ", app).isEmpty();
    List<String> stale = new ArrayList<>();
    zh.path("labels").fieldNames().forEachRemaining(key -> {
      if (!en.path("labels").has(key)) {
        stale.add(key);
      }
    });
    assertThat(stale).as("labels of %s that Camunda no longer has", app).isEmpty();

    List<String> dateKeys = new ArrayList<>();
    en.path("dateLocales").fieldNames().forEachRemaining(dateKeys::add);
    assertThat(zh.path("dateLocales").size()).isEqualTo(dateKeys.size());
    dateKeys.forEach(key -> assertThat(zh.path("dateLocales").has(key)).as("dateLocales.%s", key).isTrue());
    assertThat(zh.path("dateLocales").path("months").size()).isEqualTo(12);

    String config = text(APP + app + "/scripts/config.js");
    assertThat(config).containsPattern("availableLocales:\\s*\\[\\s*'en',\\s*'zh'\\s*]");
    assertThat(config).contains("disableWelcomeMessage: true");
    assertThat(text(APP + app + "/styles/user-styles.css")).contains(".ce-eol-banner");
  }

  /** The placeholders of a label with how often each occurs (word order may differ, the set may not). */
  private static Map<String, Integer> placeholders(String label) {
    Map<String, Integer> found = new TreeMap<>();
    Matcher matcher = PLACEHOLDER.matcher(label);
    while (matcher.find()) {
      String token = matcher.group(1) != null ? "{{" + matcher.group(1) + "}}" : matcher.group();
      found.merge(token, 1, Integer::sum);
    }
    return found;
  }

  private static JsonNode read(String resource) throws IOException {
    return JSON.readTree(text(resource).replace("\uFEFF", ""));
  }

  private static String text(String resource) throws IOException {
    try (InputStream in = WebappTranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
