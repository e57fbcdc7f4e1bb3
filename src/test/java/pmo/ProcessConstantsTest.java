package pmo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Each process class names its model's elements as constants ({@code TASK_}, {@code EVENT_}, {@code GATEWAY_},
 * {@code END_}, {@code CALL_}, {@code START}): every such constant is an element of the model whose key the class
 * declares, so a renamed element in Camunda Modeler fails here instead of in a test far away. Plain JUnit.
 */
class ProcessConstantsTest {

  @Test
  void everyElementConstantNamesAnElementOfItsModel() throws Exception {
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
      BpmnModelInstance model;
      try (InputStream in = resource.getInputStream()) {
        model = Bpmn.readModelFromStream(in);
      }
      Set<String> ids = model.getModelElementsByType(BaseElement.class).stream().map(BaseElement::getId)
          .collect(Collectors.toSet());
      for (Process process : model.getModelElementsByType(Process.class)) {
        for (Class<?> type : processClasses()) {
          Field key = type.getField("KEY");
          if (!process.getId().equals(key.get(null))) {
            continue;
          }
          for (Field field : type.getFields()) {
            String name = field.getName();
            boolean element = name.startsWith("TASK_") || name.startsWith("EVENT_") || name.startsWith("GATEWAY_")
                || name.startsWith("END_") || name.startsWith("CALL_") || name.equals("START");
            if (element && Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
              checked++;
              if (!ids.contains((String) field.get(null))) {
                missing.add(type.getSimpleName() + "." + name + " = " + field.get(null));
              }
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(40);
    assertThat(missing).isEmpty();
  }

  private static List<Class<?>> processClasses() {
    return List.of(pmo.intake.IntakeProcess.class, pmo.change.ChangeRequestProcess.class, pmo.risk.RiskProcess.class,
        pmo.issue.IssueProcess.class, pmo.stagegate.GateReviewProcess.class, pmo.stagegate.LifecycleProcess.class);
  }
}
