package pmo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link ReadmeExamples} reads the README: which lines are examples, how they continue, which status they promise. */
class ReadmeExamplesParserTest {

  private static final String README = """
      Prose with curl -u x:y localhost:8080/api/not-in-a-block and http://localhost:8080/audit/ in it.

      ```
      mvn spring-boot:run
      ```

      ```
      curl -u olga:demo localhost:8080/api/projects/1     # the project
      curl -u rita:demo -H 'Content-Type: application/json' localhost:8080/api/change-requests -d '{"projectId":1,
        "title":"A # is no comment in a quote"}'   # 201: the request
      # a comment about the next example, not a status
      curl -u olga:demo -X PUT localhost:8080/api/portfolio/projects/1/allocations \\
        -d '{"allocations":[]}'
      # 400 {"errors":[...]}
        curl -u audrey:demo localhost:8080/api/audit/verify
      # {"intact":true} is no status either
      ```

      | http://localhost:8080/camunda/app/tasklist/ | Tasklist |
      See `http://localhost:8080/...` in prose, and http://localhost:8080/audit/ again.
      """;

  @Test
  void examplesAreTheCurlCommandsOfCodeBlocksJoinedOverTheirContinuationsWithTheirPromisedStatus() {
    List<ReadmeExamples.Example> examples = ReadmeExamples.examples(README);

    assertThat(examples).extracting(ReadmeExamples.Example::line).containsExactly(8, 9, 12, 15);
    assertThat(examples).extracting(ReadmeExamples.Example::expectedStatus).containsExactly(200, 201, 400, 200);
    assertThat(examples.get(0).command()).isEqualTo("curl -u olga:demo localhost:8080/api/projects/1");
    assertThat(examples.get(1).command()).endsWith("\n  \"title\":\"A # is no comment in a quote\"}'")
        .doesNotContain("201");
    assertThat(examples.get(2).command()).isEqualTo("curl -u olga:demo -X PUT "
        + "localhost:8080/api/portfolio/projects/1/allocations  -d '{\"allocations\":[]}'");
    assertThat(examples.get(3).command()).isEqualTo("curl -u audrey:demo localhost:8080/api/audit/verify");
  }

  @Test
  void addressesAreEveryLocalhostUrlOnceWithTheLineThatFirstNamesIt() {
    assertThat(ReadmeExamples.addresses(README)).containsExactly(
        new ReadmeExamples.Address(1, "http://localhost:8080/audit/"),
        new ReadmeExamples.Address(19, "http://localhost:8080/camunda/app/tasklist/"));
  }
}
