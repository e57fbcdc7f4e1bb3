package pmo.improvement.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What changed between two versions of a model, on the real files of processes/ and forms/ with known edits: elements
 * added, removed and changed (attributes and content, never the diagram), decision rules row by row, form fields.
 */
class ModelDiffTest {

  private static String read(String file) throws IOException {
    return Files.readString(Path.of(file));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aProcessVersionShowsElementsAddedRemovedAndChangedButNotItsDiagram() throws IOException {
    String before = read("processes/training-expiry.bpmn");
    String after = before
        .replace("name=\"Send expiry reminders\"", "name=\"Send the reminders\"")
        .replace("<camunda:failedJobRetryTimeCycle>${noticeDelivery.retryCycle()}",
            "<camunda:failedJobRetryTimeCycle>R5/PT10M")
        .replace("<bpmn:endEvent id=\"End_RemindersSent\" name=\"Reminders sent\">",
            "<bpmn:endEvent id=\"End_Done\" name=\"Done\">")
        .replace("targetRef=\"End_RemindersSent\"", "targetRef=\"End_Done\"")
        // moving a shape is no change of the standard
        .replace("<dc:Bounds x=\"300\" y=\"80\"", "<dc:Bounds x=\"310\" y=\"90\"");

    ModelDiff.Diff diff = ModelDiff.bpmn(bytes(before), bytes(after));

    assertThat(diff.added()).containsExactly(new ModelDiff.ElementRef("End_Done", "endEvent", "Done"));
    assertThat(diff.removed()).containsExactly(new ModelDiff.ElementRef("End_RemindersSent", "endEvent",
        "Reminders sent"));
    assertThat(diff.changed()).extracting(ModelDiff.ElementChange::id)
        .containsExactlyInAnyOrder("Task_SendExpiryReminders", "Flow_RemindersSent");
    assertThat(diff.changed()).filteredOn(c -> c.id().equals("Task_SendExpiryReminders")).singleElement()
        .satisfies(c -> assertThat(c.changes()).containsExactly(
            "name: 'Send expiry reminders' → 'Send the reminders'",
            "content: '<bpmn:extensionElements><camunda:failedJobRetryTimeCycle>${noticeDelivery.retryCycle()}"
                + "</camunda:failedJobRetryTimeCycle>"
                + "</bpmn:extensionElements>' → '<bpmn:extensionElements><camunda:failedJobRetryTimeCycle>R5/PT10M"
                + "</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>'"));
    assertThat(diff.rules()).isNull();
    assertThat(ModelDiff.bpmn(bytes(before), bytes(before)).changed()).isEmpty();
  }

  @Test
  void aDecisionVersionShowsItsRulesChangedAddedAndRemovedRowByRow() throws IOException {
    String before = read("processes/gate-criteria.dmn");
    int start = before.indexOf("<rule id=\"Rule_G1CharterApproved\">");
    int end = before.indexOf("</rule>", start) + "</rule>".length();
    String rule = before.substring(start, end);
    String after = before.substring(0, start)
        + rule.replace("\"Project charter approved by the sponsor\"", "\"Charter signed\"")
        + "\n" + rule.replace("Rule_G1CharterApproved", "Rule_G1Copy")
        + before.substring(end);

    ModelDiff.Diff diff = ModelDiff.dmn(bytes(before), bytes(after));

    assertThat(diff.rules().changed()).singleElement().satisfies(c -> {
      assertThat(c.id()).isEqualTo("Rule_G1CharterApproved");
      assertThat(c.before()).containsExactly("\"G1\"", "true", "-", "-", "-", "-", "-", "-", "\"charterApproved\"",
          "\"Project charter approved by the sponsor\"", "true", "");
      assertThat(c.after()).contains("\"Charter signed\"").doesNotContain("\"Project charter approved by the sponsor\"");
    });
    assertThat(diff.rules().added()).extracting(ModelDiff.RuleRow::id).containsExactly("Rule_G1Copy");
    assertThat(diff.rules().removed()).isEmpty();
    // the rule's cells are compared as rows, not as elements
    assertThat(diff.added()).isEmpty();
    assertThat(diff.changed()).isEmpty();

    ModelDiff.Diff back = ModelDiff.dmn(bytes(after), bytes(before));
    assertThat(back.rules().removed()).extracting(ModelDiff.RuleRow::id).containsExactly("Rule_G1Copy");
  }

  @Test
  void aFormVersionShowsItsFieldsAddedRemovedAndChanged() throws IOException {
    String before = read("forms/standards-review-start.form");
    String after = before.replace("\"maxLength\": 2000", "\"maxLength\": 500")
        .replace("\"components\": [", "\"components\": [ { \"type\": \"textfield\", \"key\": \"sponsor\","
            + " \"label\": \"Sponsor\", \"id\": \"Field_sponsor\" },");

    ModelDiff.Diff diff = ModelDiff.form(bytes(before), bytes(after));

    assertThat(diff.added()).containsExactly(new ModelDiff.ElementRef("sponsor", "textfield", "Sponsor"));
    assertThat(diff.removed()).isEmpty();
    assertThat(diff.changed()).singleElement().satisfies(c -> {
      assertThat(c.id()).isEqualTo("reviewReason");
      assertThat(c.changes()).containsExactly(
          "validate: '{\"required\":true,\"maxLength\":2000}' → '{\"required\":true,\"maxLength\":500}'");
    });
  }
}
