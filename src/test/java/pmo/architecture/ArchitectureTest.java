package pmo.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules ({@link ArchitectureRules}) hold for the application, and fail for a class that breaks them
 * (the fixture package {@code archfixture.pmo}, outside the application's component scan: a controller that reads a
 * repository of another capability). A class longer than 200 lines says why at its top (issue 12).
 * Plain JUnit: no Spring context.
 */
class ArchitectureTest {

  private static JavaClasses application;

  @BeforeAll
  static void importApplication() {
    application = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("pmo");
  }

  @Test
  void theApplicationKeepsItsShape() {
    List<ArchRule> rules = List.of(ArchitectureRules.NO_CYCLES, ArchitectureRules.NO_PLATFORM_CYCLES,
        ArchitectureRules.PLATFORM_BELOW_CAPABILITIES, ArchitectureRules.CONTROLLERS_NEVER_REACH_REPOSITORIES,
        ArchitectureRules.STEPS_CALL_THEIR_SERVICES, ArchitectureRules.CAPABILITIES_MEET_THROUGH_PUBLIC_TYPES);
    for (ArchRule rule : rules) {
      EvaluationResult result = rule.evaluate(application);
      assertThat(result.getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
    }
  }

  @Test
  void aForbiddenDependencyBreaksTheRules() {
    JavaClasses fixture = new ClassFileImporter().importPackages("archfixture.pmo");
    assertThat(ArchitectureRules.CONTROLLERS_NEVER_REACH_REPOSITORIES.evaluate(fixture).hasViolation()).isTrue();
    assertThat(ArchitectureRules.CAPABILITIES_MEET_THROUGH_PUBLIC_TYPES.evaluate(fixture).getFailureReport()
        .getDetails()).anyMatch(line -> line.contains("ReportController") && line.contains("LedgerRepository"));
  }

  @Test
  void aClassLongerThan200LinesSaysWhyAtItsTop() throws IOException {
    List<String> unexplained;
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      unexplained = sources.filter(p -> p.toString().endsWith(".java")).filter(p -> {
        try {
          List<String> lines = Files.readAllLines(p);
          return lines.size() > 200 && lines.stream().noneMatch(l -> l.contains("Longer than 200 lines"));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).map(Path::toString).toList();
    }
    assertThat(unexplained).as("classes over 200 lines without \"Longer than 200 lines: why\" in their comment")
        .isEmpty();
  }
}
