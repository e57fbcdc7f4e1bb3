package pmo.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's allowlist for process owners is the one the guard applies: the lines between the markers in "What an
 * expression may contain" are generated from {@link ModelExpressions}. When the allowlist changes this test fails
 * and prints the lines to paste.
 */
class ModelExpressionsReadmeTest {

  static final String BEGIN = "<!-- allowlist: generated from ModelExpressions, kept equal by ModelExpressionsReadmeTest -->";
  static final String END = "<!-- end of allowlist -->";

  @Test
  void theReadmeListsTheAllowlistOfTheGuard() throws IOException {
    List<String> readme = Files.readAllLines(Path.of("README.md"));
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    assertThat(begin).as("README has the marker " + BEGIN).isNotNegative();
    assertThat(end).as("README has the marker " + END).isGreaterThan(begin);
    assertThat(readme.subList(begin + 1, end)).as("paste between the markers:%n%s", String.join("\n", lines()))
        .containsExactlyElementsOf(lines());
  }

  static List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("- Beans and the methods a model may call on them:");
    new TreeMap<>(ModelExpressions.BEAN_METHODS).forEach((bean, methods) -> lines.add("  - " + codes(
        methods.stream().map(method -> bean + "." + method + "(...)"))));
    lines.add("- Delegate beans, named as a whole in `camunda:delegateExpression` or a listener's "
        + "`delegateExpression` (`${recordProposal}`): a bean whose class is in `pmo..` and implements "
        + codes(ModelExpressions.DELEGATE_TYPES.stream().map(Class::getSimpleName)) + ".");
    lines.add("- Camunda's functions, as plain values: " + codes(ModelExpressions.FUNCTIONS.stream().map(f -> f + "()"))
        + ".");
    lines.add("- Of the engine's objects: " + codes(Stream.concat(
        members(ModelExpressions.ENGINE_PROPERTIES, ""), members(ModelExpressions.ENGINE_METHODS, "(...)"))) + ".");
    lines.add("- Outputs read by name from " + codes(ModelExpressions.OUTPUT_MAPS.stream().map(call -> call + "()"))
        + ", as in `${decisionResult.getSingleResult().escalateTo}`.");
    return lines;
  }

  private static Stream<String> members(Map<String, Set<String>> members, String suffix) {
    return members.entrySet().stream()
        .flatMap(entry -> entry.getValue().stream().map(member -> entry.getKey() + "." + member + suffix));
  }

  private static String codes(Stream<String> names) {
    Collection<String> sorted = names.sorted().toList();
    return sorted.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
  }
}
