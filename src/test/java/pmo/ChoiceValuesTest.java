package pmo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import pmo.platform.engine.Var;

/**
 * A choice is declared once, as its enum in the process class ({@code Var.choice}); the models only repeat its values.
 * Every value a model uses for a choice variable of its process is one of the enum's: the options of the forms of its
 * start events and user tasks (and the forms' own conditions), the comparisons of its gateways, and the input values,
 * rule entries and outputs of the decision tables it calls. A value renamed in the enum, or mistyped in Camunda
 * Modeler, fails here instead of in a case that takes no path. Plain JUnit.
 */
class ChoiceValuesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PathMatchingResourcePatternResolver RESOURCES = new PathMatchingResourcePatternResolver();
  /** {@code name == 'value'} and {@code name != 'value'} in a gateway's JUEL condition. */
  private static final Pattern JUEL = Pattern.compile("\\b(\\w+)\\s*(?:==|!=)\\s*'([^']*)'");
  /** {@code name = "value"} and {@code name != "value"} in a form's FEEL condition. */
  private static final Pattern FEEL = Pattern.compile("\\b(\\w+)\\s*!?=\\s*\"([^\"]*)\"");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  private final List<String> wrong = new ArrayList<>();
  private int checked;

  @Test
  void everyValueAModelUsesForAChoiceIsOneOfItsEnum() throws Exception {
    Map<String, Map<String, List<String>>> choicesByProcess = choicesByProcess();
    Map<String, JsonNode> forms = forms();
    Map<String, DecisionTable> tables = decisionTables();
    for (Resource resource : RESOURCES.getResources("classpath*:processes/*.bpmn")) {
      BpmnModelInstance model;
      try (InputStream in = resource.getInputStream()) {
        model = Bpmn.readModelFromStream(in);
      }
      for (Process process : model.getModelElementsByType(Process.class)) {
        Map<String, List<String>> choices = choicesByProcess.getOrDefault(process.getId(), Map.of());
        String where = resource.getFilename();
        Stream.concat(model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef),
                model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef))
            .filter(ref -> ref != null && forms.containsKey(ref)).distinct()
            .forEach(ref -> checkForm(ref, forms.get(ref), choices));
        for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
          checkText(where + " condition " + condition.getTextContent(), JUEL, condition.getTextContent(), choices);
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
          DecisionTable table = tables.get(task.getCamundaDecisionRef());
          if (table != null) {
            checkTable(task.getCamundaDecisionRef(), table, choices);
          }
        }
      }
    }
    assertThat(checked).as("choice values found in the models").isGreaterThan(100);
    assertThat(wrong).isEmpty();
  }

  /**
   * The choices of each process: every variable a form offers options for, a gateway compares or a decision table
   * reads or gives, declared with {@code Var.choice} (a choice declared as text would not be checked above).
   */
  @Test
  void theChoicesOfEveryProcessAreDeclaredAsChoices() throws Exception {
    Map<String, Map<String, List<String>>> choices = choicesByProcess();
    Map<String, List<String>> expected = Map.ofEntries(
        Map.entry("change-request", List.of("changeType", "qualityImpact", "route", "pmoDecision", "vote",
            "steeringDecision", "expeditedDecision", "reviewDecision", "boardOutcome", "verification")),
        Map.entry("risk-escalation", List.of("residualOutcome", "responseStrategy", "issueSeverity", "riskLevel",
            "pmoDecision", "steeringDecision")),
        Map.entry("issue-escalation", List.of("severity", "pmoDecision", "steeringDecision")),
        Map.entry("project-intake", List.of("screeningDecision", "sponsorDecision")),
        Map.entry("gate-review", List.of("gate", "rag", "gateDecision")),
        Map.entry("project-lifecycle", List.of("gateDecision", "objectivesMet")),
        Map.entry("status-report", List.of("ragSchedule", "ragCost", "ragScope", "ragQuality", "ragOverall",
            "pmoFollowUp")),
        Map.entry("improvement-plan", List.of("planDecision")),
        Map.entry("improvement-proposal", List.of("evaluation", "verification")),
        Map.entry("standards-review", List.of("changeNeeded")),
        Map.entry("portfolio-review", List.of("steeringDecision")));
    expected.forEach((process, variables) -> assertThat(choices.getOrDefault(process, Map.of()).keySet())
        .as("choice variables of " + process).containsAll(variables));
  }

  private void checkForm(String formId, JsonNode form, Map<String, List<String>> choices) {
    List<JsonNode> fields = new ArrayList<>();
    collect(form, fields);
    for (JsonNode field : fields) {
      List<String> allowed = choices.get(field.path("key").asText());
      if (allowed != null) {
        field.path("values").forEach(option -> check("form " + formId + " option of " + field.path("key").asText(),
            allowed, option.path("value").asText()));
      }
      field.path("conditional").forEach(condition -> checkText("form " + formId + " condition " + condition.asText(),
          FEEL, condition.asText(), choices));
    }
  }

  private void checkTable(String decision, DecisionTable table, Map<String, List<String>> choices) {
    List<Input> inputs = new ArrayList<>(table.getInputs());
    List<Rule> rules = new ArrayList<>(table.getRules());
    for (int i = 0; i < inputs.size(); i++) {
      Input input = inputs.get(i);
      List<String> allowed = choices.get(input.getInputExpression().getText().getTextContent().trim());
      if (allowed == null) {
        continue;
      }
      String column = decision + " input " + input.getLabel();
      quoted(input.getInputValues()).forEach(value -> check(column + " values", allowed, value));
      for (Rule rule : rules) {
        UnaryTests entry = new ArrayList<>(rule.getInputEntries()).get(i);
        quoted(entry).forEach(value -> check(column + " rule " + rule.getId(), allowed, value));
      }
    }
    List<Output> outputs = new ArrayList<>(table.getOutputs());
    for (int i = 0; i < outputs.size(); i++) {
      Output output = outputs.get(i);
      List<String> allowed = choices.get(output.getName());
      if (allowed == null) {
        continue;
      }
      quoted(output.getOutputValues()).forEach(value -> check(decision + " output values", allowed, value));
      for (Rule rule : rules) {
        String entry = new ArrayList<>(rule.getOutputEntries()).get(i).getText().getTextContent();
        quoted(entry).forEach(value -> check(decision + " output rule " + rule.getId(), allowed, value));
      }
    }
  }

  private void checkText(String where, Pattern pattern, String text, Map<String, List<String>> choices) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      List<String> allowed = choices.get(m.group(1));
      if (allowed != null) {
        check(where, allowed, m.group(2));
      }
    }
  }

  private void check(String where, List<String> allowed, String value) {
    checked++;
    if (!allowed.contains(value)) {
      wrong.add(where + ": '" + value + "' is not one of " + allowed);
    }
  }

  private static List<String> quoted(UnaryTests tests) {
    return tests == null || tests.getText() == null ? List.of() : quoted(tests.getText().getTextContent());
  }

  private static List<String> quoted(org.camunda.bpm.model.dmn.instance.InputValues values) {
    return values == null || values.getText() == null ? List.of() : quoted(values.getText().getTextContent());
  }

  private static List<String> quoted(org.camunda.bpm.model.dmn.instance.OutputValues values) {
    return values == null || values.getText() == null ? List.of() : quoted(values.getText().getTextContent());
  }

  private static List<String> quoted(String text) {
    List<String> values = new ArrayList<>();
    Matcher m = QUOTED.matcher(text == null ? "" : text);
    while (m.find()) {
      values.add(m.group(1));
    }
    return values;
  }

  /** The choice variables (name and values) of each process class ({@code pmo..*Process} with a {@code KEY}). */
  private static Map<String, Map<String, List<String>>> choicesByProcess() throws Exception {
    Map<String, Map<String, List<String>>> byKey = new HashMap<>();
    SimpleMetadataReaderFactory metadata = new SimpleMetadataReaderFactory();
    for (Resource resource : RESOURCES.getResources("classpath*:pmo/**/*Process.class")) {
      Class<?> type = Class.forName(metadata.getMetadataReader(resource).getClassMetadata().getClassName());
      Field key;
      try {
        key = type.getField("KEY");
      } catch (NoSuchFieldException e) {
        continue;
      }
      Map<String, List<String>> choices = new LinkedHashMap<>();
      for (Field field : type.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof Var<?> variable
            && !variable.choices().isEmpty()) {
          choices.put(variable.name(), variable.choices());
        }
      }
      byKey.merge((String) key.get(null), choices, (a, b) -> {
        a.putAll(b);
        return a;
      });
    }
    assertThat(byKey.values().stream().mapToInt(Map::size).sum()).as("choice variables").isGreaterThan(30);
    return byKey;
  }

  private static Map<String, JsonNode> forms() throws IOException {
    Map<String, JsonNode> forms = new HashMap<>();
    for (Resource resource : RESOURCES.getResources("classpath*:forms/*.form")) {
      try (InputStream in = resource.getInputStream()) {
        JsonNode form = JSON.readTree(in);
        forms.put(form.path("id").asText(), form);
      }
    }
    return forms;
  }

  private static Map<String, DecisionTable> decisionTables() throws IOException {
    Map<String, DecisionTable> tables = new HashMap<>();
    for (Resource resource : RESOURCES.getResources("classpath*:processes/*.dmn")) {
      try (InputStream in = resource.getInputStream()) {
        for (Decision decision : Dmn.readModelFromStream(in).getModelElementsByType(Decision.class)) {
          if (decision.getExpression() instanceof DecisionTable table) {
            tables.put(decision.getId(), table);
          }
        }
      }
    }
    return tables;
  }

  private static void collect(JsonNode node, List<JsonNode> fields) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key") || component.has("conditional")) {
        fields.add(component);
      }
      collect(component, fields);
    }
  }
}
