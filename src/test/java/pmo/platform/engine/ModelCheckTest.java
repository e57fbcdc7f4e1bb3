package pmo.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pmo.platform.engine.DeploymentGuard.Fault;
import pmo.platform.engine.ExpressionChecker.BeanKind;

/**
 * The model check on its own (no Spring, no engine): every shipped model passes, every hostile model is rejected with
 * a fault naming its file, its element and what is wrong, and the places where an expression hides in XML are all
 * seen (CDATA, entities, text split by comments).
 */
class ModelCheckTest {

  static final Path PROCESSES = Path.of("processes");

  @Test
  void theShippedModelsPass() throws IOException {
    // the delegates are whatever the models name in a delegate expression (that they exist is checked at start-up)
    Set<String> delegates = delegatesNamedIn(bpmnFiles());
    ExpressionChecker checker = new ExpressionChecker(name -> delegates.contains(name) ? BeanKind.DELEGATE
        : ModelExpressions.isCallableBean(name) ? BeanKind.OTHER : BeanKind.NONE);
    List<Path> bpmn = bpmnFiles();
    List<Path> dmn = files(".dmn");
    assertThat(bpmn).hasSizeGreaterThanOrEqualTo(5);
    assertThat(dmn).hasSizeGreaterThanOrEqualTo(4);
    for (Path file : bpmn) {
      assertThat(ModelCheck.bpmn(file.getFileName().toString(), Files.readAllBytes(file), checker)).as(file.toString())
          .isEmpty();
    }
    for (Path file : dmn) {
      assertThat(ModelCheck.dmn(file.getFileName().toString(), Files.readAllBytes(file))).as(file.toString()).isEmpty();
    }
  }

  static Stream<HostileModels.Case> hostile() {
    return HostileModels.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void everyHostileModelIsRejected(HostileModels.Case hostile) {
    String file = hostile.file("hostile");
    byte[] content = hostile.content("hostile_process").getBytes(StandardCharsets.UTF_8);
    // CMMN is refused by the guard for its file name alone (DeploymentGuardTest)
    List<Fault> faults = hostile.extension().endsWith("bpmn")
        ? ModelCheck.bpmn(file, content, new ExpressionChecker(ExpressionCheckerTest::kindOf))
        : hostile.extension().equals("dmn") ? ModelCheck.dmn(file, content) : List.of();
    if (!hostile.extension().equals("cmmn")) {
      assertThat(faults.stream().map(Fault::toString)).as(hostile.name()).anySatisfy(
          fault -> assertThat(fault).contains(hostile.expected(file)));
    }
  }

  @Test
  void anExpressionIsSeenHoweverTheXmlWritesIt() {
    ExpressionChecker checker = new ExpressionChecker(ExpressionCheckerTest::kindOf);
    String cdata = HostileModels.process("<bpmn:serviceTask id=\"Task_A\" camunda:delegateExpression=\"${recordProposal}\">"
        + "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\">"
        + "<![CDATA[${jdbcTemplate.update(\"x\")}]]></camunda:inputParameter></camunda:inputOutput>"
        + "</bpmn:extensionElements></bpmn:serviceTask>").formatted("p");
    String entities = HostileModels.process("<bpmn:serviceTask id=\"Task_A\" "
        + "camunda:expression=\"&#36;{jdbc&#84;emplate.update(1)}\" />").formatted("p");
    String comment = HostileModels.process("<bpmn:serviceTask id=\"Task_A\" camunda:delegateExpression=\"${recordProposal}\">"
        + "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\">"
        + "${jdbc<!-- a comment -->Template.update(1)}</camunda:inputParameter></camunda:inputOutput>"
        + "</bpmn:extensionElements></bpmn:serviceTask>").formatted("p");
    for (String xml : List.of(cdata, entities, comment)) {
      assertThat(ModelCheck.bpmn("a.bpmn", xml.getBytes(StandardCharsets.UTF_8), checker)).map(Fault::toString)
          .singleElement().asString().contains("a.bpmn [Task_A]: expression '${jdbcTemplate.update(")
          .contains("calling 'update' on bean 'jdbcTemplate'");
    }
  }

  @Test
  void aDocumentTypeDeclarationIsRefused() {
    String xml = """
        <?xml version="1.0"?>
        <!DOCTYPE d [<!ENTITY e "${jdbcTemplate.update(1)}">]>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D">
          <bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="S" name="&e;" /></bpmn:process>
        </bpmn:definitions>
        """;
    assertThat(ModelCheck.bpmn("a.bpmn", xml.getBytes(StandardCharsets.UTF_8),
        new ExpressionChecker(ExpressionCheckerTest::kindOf))).map(Fault::toString).singleElement().asString()
        .startsWith("a.bpmn: not readable as XML");
  }

  @Test
  void everyFeelSpellingTheEngineAcceptsIsFeel() {
    assertThat(Stream.of("feel", "FEEL", "http://www.omg.org/spec/FEEL/20140401",
        "https://www.omg.org/spec/DMN/20191111/FEEL/")).allMatch(ModelCheck::isFeel);
    assertThat(Stream.of("juel", "javascript", "groovy", "feel-scala", "python")).noneMatch(ModelCheck::isFeel);
  }

  static List<Path> bpmnFiles() throws IOException {
    return files(".bpmn");
  }

  static List<Path> files(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static Set<String> delegatesNamedIn(List<Path> files) throws IOException {
    Pattern delegate = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
    Set<String> names = new java.util.HashSet<>();
    for (Path file : files) {
      Matcher matcher = delegate.matcher(Files.readString(file));
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names.stream().collect(Collectors.toUnmodifiableSet());
  }
}
