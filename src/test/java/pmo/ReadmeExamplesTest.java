package pmo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every curl example and every address of README.md answers as the README says on a fresh demo start: the application
 * started as {@link ReadmeRunPathTest} starts it (the config/ defaults: demo profile, H2 file database in a temporary
 * folder, a free port), the examples run in README order with the real {@code curl} through {@code bash -c}, as a
 * reader would paste them (an example may use what an earlier one created). The expected status is the README's own
 * (see {@link ReadmeExamples}). Prints a table of example and status; fails naming the README line of every example
 * that answered otherwise. Runs in its own JVM (the surefire execution readme-run-path), beside no other engine.
 */
class ReadmeExamplesTest {

  /** Read by the CSV upload example ({@code --data-binary @done.csv}): the file the README's comment lines show. */
  private static final String DONE_CSV = "person,courseId,completedOn\npaula,pmo-standard,2026-03-02\n";

  @TempDir
  Path data;

  @TempDir
  Path work;

  @Test
  void everyExampleAndAddressOfTheReadmeAnswersAsShownOnAFreshDemoStart() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    List<ReadmeExamples.Example> examples = ReadmeExamples.examples(readme);
    List<ReadmeExamples.Address> addresses = ReadmeExamples.addresses(readme);
    assertThat(examples).as("curl examples found in README.md").hasSizeGreaterThan(50);
    assertThat(new ProcessBuilder("bash", "-c", "command -v curl").start().waitFor())
        .as("the README's examples run with curl: install it (.ci/run does)").isZero();
    Files.writeString(work.resolve("done.csv"), DONE_CSV);

    String[] args = {"--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + data.resolve("pmo")};
    List<String> failures = new ArrayList<>();
    Map<String, String> bodies = new LinkedHashMap<>();
    StringBuilder answers = new StringBuilder("\nWhat each example answered (the start of the body):\n");
    StringBuilder table = new StringBuilder("\n| README line | example | expected | status |\n|---|---|---|---|\n");
    try (ConfigurableApplicationContext app = SpringApplication.run(PmoApplication.class, args)) {
      String host = "localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
      for (ReadmeExamples.Example example : examples) {
        String command = example.command().replace("localhost:8080", host);
        Answer answer = run(command + " -s -o " + work.resolve("body") + " -w '%{http_code}' --max-time 120");
        row(table, example.line(), oneLine(example.command()), example.expectedStatus(), answer.status());
        bodies.put(oneLine(example.command()), answer.body());
        answers.append("README line ").append(example.line()).append(" → ").append(answer.status()).append(' ')
            .append(answer.body().replaceAll("\\s+", " ")).append('\n');
        if (answer.status() != example.expectedStatus()) {
          failures.add("README line " + example.line() + ": " + oneLine(example.command()) + " answered "
              + answer.status() + ", the README says " + example.expectedStatus() + ": " + answer.body());
        }
      }
      for (ReadmeExamples.Address address : addresses) {
        String user = address.url().contains("/audit") ? "audrey" : "olga";
        String url = address.url().replace("localhost:8080", host);
        Answer answer = run("curl -L -u " + user + ":demo '" + url + "' -s -o " + work.resolve("body")
            + " -w '%{http_code}' --max-time 120");
        row(table, address.line(), address.url() + " (as " + user + ")", 200, answer.status());
        if (answer.status() != 200) {
          failures.add("README line " + address.line() + ": " + address.url() + " answered " + answer.status()
              + " to " + user + ": " + answer.body());
        }
      }
    }
    System.out.println(answers);
    System.out.println(table);
    assertThat(failures).as("README examples that do not answer as the README says").isEmpty();
    // the demo has what the README's risk, issue and lessons examples read, so they answer with data
    assertThat(bodyOf(bodies, "localhost:8080/api/risks/7")).contains("\"risk\":{\"id\":7,");
    assertThat(bodyOf(bodies, "localhost:8080/api/risks/heat-map?projectId=1")).doesNotContain("\"total\":0");
    assertThat(bodyOf(bodies, "localhost:8080/api/issues?")).contains("\"items\":[{");
    assertThat(bodyOf(bodies, "localhost:8080/api/lessons?")).contains("\"items\":[{");
  }

  /** The answer to the one README example whose command contains {@code part}. */
  private static String bodyOf(Map<String, String> bodies, String part) {
    List<String> matching = bodies.keySet().stream().filter(command -> command.contains(part)).toList();
    assertThat(matching).as("README examples with " + part).hasSize(1);
    return bodies.get(matching.get(0));
  }

  private record Answer(int status, String body) {
  }

  private Answer run(String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("bash", "-c", command).directory(work.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(process.waitFor(150, TimeUnit.SECONDS)).as(command).isTrue();
    Path body = work.resolve("body");
    String text = Files.exists(body) ? new String(Files.readAllBytes(body), StandardCharsets.UTF_8) : "";
    Files.deleteIfExists(body);
    int status = out.matches("\\d{3}") ? Integer.parseInt(out) : -1;
    return new Answer(status, text.length() > 400 ? text.substring(0, 400) + "..." : text);
  }

  private static void row(StringBuilder table, int line, String what, int expected, int status) {
    String shown = what.length() > 110 ? what.substring(0, 107) + "..." : what;
    table.append("| ").append(line).append(" | `").append(shown.replace("|", "\\|")).append("` | ").append(expected)
        .append(" | ").append(status).append(status == expected ? "" : " ✗").append(" |\n");
  }

  private static String oneLine(String command) {
    return command.replaceAll("\\s*\n\\s*", " ");
  }
}
