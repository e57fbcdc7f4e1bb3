package pmo.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The notices' bundle in both languages (plain JUnit): the same keys, no empty text, the same {n} placeholders in
 * each language, and every text a valid MessageFormat pattern.
 */
class NoticeBundleTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

  @Test
  void everyTextIsInBothLanguagesWithTheSamePlaceholders() throws IOException {
    Properties english = load("messages/notices.properties");
    Properties chinese = load("messages/notices_zh_CN.properties");
    assertThat(english).as("English texts").isNotEmpty();
    assertThat(chinese.stringPropertyNames()).as("keys of notices_zh_CN.properties")
        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    for (String key : english.stringPropertyNames()) {
      String en = english.getProperty(key);
      String zh = chinese.getProperty(key);
      assertThat(en).as("English " + key).isNotBlank();
      assertThat(zh).as("Chinese " + key).isNotBlank();
      assertThat(placeholders(zh)).as("placeholders of " + key + " in Chinese").isEqualTo(placeholders(en));
      new MessageFormat(en);
      new MessageFormat(zh);
      if (en.matches("(?s).*[A-Za-z]{3,}.*")) {
        assertThat(zh).as("Chinese " + key + " is translated").isNotEqualTo(en);
      }
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = NoticeBundleTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
