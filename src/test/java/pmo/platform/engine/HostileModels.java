package pmo.platform.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Models a process owner could deploy to run more than a flow, each with the element and the words the guard's fault
 * must name. Shared by the checker's plain test (ModelCheckTest) and the deployment test over REST
 * (DeploymentGuardTest), so both see the same cases.
 */
final class HostileModels {

  static final String GRANT = "${jdbcTemplate.update(\"insert into act_id_membership (user_id_, group_id_) "
      + "values ('owen','camunda-admin')\")}";

  /**
   * One hostile file. {@code fragment} is what the fault says after {@code file [elementId]: }; {@code extension} is
   * the file's ending (bpmn, dmn, cmmn); {@code content} has {@code %s} where the process or decision key goes.
   */
  record Case(String name, String extension, String content, String elementId, String fragment) {

    String file(String base) {
      return base + "." + extension;
    }

    String content(String key) {
      return content.formatted(key);
    }

    String expected(String file) {
      return file + (elementId == null ? "" : " [" + elementId + "]") + ": " + fragment;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private HostileModels() {
  }

  static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    cases.add(expression("escalation through jdbcTemplate in a service task", "Task_Hostile", GRANT,
        "camunda:expression", "calling 'update' on bean 'jdbcTemplate' is not allowed",
        "<bpmn:serviceTask id=\"Task_Hostile\" camunda:expression=\"%s\" />"));
    cases.add(expression("a method of another bean", "Task_Hostile",
        "${identityService.createMembership('owen', 'camunda-admin')}", "camunda:expression",
        "calling 'createMembership' on bean 'identityService'",
        "<bpmn:serviceTask id=\"Task_Hostile\" camunda:expression=\"%s\" />"));
    cases.add(expression("another method of an allowlisted bean", "Task_Hostile", "${changeBoard.getClass()}",
        "camunda:expression", "method 'getClass' of bean 'changeBoard' is not on the allowlist",
        "<bpmn:serviceTask id=\"Task_Hostile\" camunda:expression=\"%s\" />"));
    cases.add(expression("the engine's services through the execution", "Task_Hostile",
        "${execution.getProcessEngineServices().getIdentityService().createMembership('owen', 'camunda-admin')}",
        "camunda:expression", "calling 'createMembership' on execution.getProcessEngineServices(...)",
        "<bpmn:serviceTask id=\"Task_Hostile\" camunda:expression=\"%s\" />"));
    cases.add(expression("reflection from a literal", "Task_Hostile",
        "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)}",
        "camunda:expression", "calling 'invoke' on",
        "<bpmn:serviceTask id=\"Task_Hostile\" camunda:expression=\"%s\" />"));
    cases.add(expression("getClass on a variable", "Task_Hostile", "${requester.getClass().forName('java.lang.Runtime')}",
        "camunda:expression", "calling 'forName' on requester.getClass(...)",
        "<bpmn:serviceTask id=\"Task_Hostile\" camunda:expression=\"%s\" />"));
    cases.add(expression("a SpEL type reference", "Task_Hostile", "${T(java.lang.Runtime).getRuntime().exec('id')}",
        "camunda:expression", "calling 'exec' on",
        "<bpmn:serviceTask id=\"Task_Hostile\" camunda:expression=\"%s\" />"));
    cases.add(structural("a script task", "Task_Script", "script tasks are not allowed",
        "<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"javascript\"><bpmn:script>java.lang.System.exit(1)"
            + "</bpmn:script></bpmn:scriptTask>"));
    cases.add(structural("a script execution listener", "Task_Hostile", "scripts (camunda:script) are not allowed",
        "<bpmn:serviceTask id=\"Task_Hostile\" camunda:delegateExpression=\"${recordProposal}\">"
            + "<bpmn:extensionElements><camunda:executionListener event=\"start\">"
            + "<camunda:script scriptFormat=\"groovy\">execution.processEngine.identityService</camunda:script>"
            + "</camunda:executionListener></bpmn:extensionElements></bpmn:serviceTask>"));
    cases.add(structural("a script condition", "Flow_Script", "scripts (language='javascript') are not allowed",
        "<bpmn:endEvent id=\"End\" /><bpmn:sequenceFlow id=\"Flow_Script\" sourceRef=\"Start\" targetRef=\"End\">"
            + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\">true"
            + "</bpmn:conditionExpression></bpmn:sequenceFlow>"));
    cases.add(structural("a script listener in the old Activiti namespace", "Task_Hostile",
        "scripts (activiti:script) are not allowed",
        "<bpmn:serviceTask id=\"Task_Hostile\" camunda:delegateExpression=\"${recordProposal}\" "
            + "xmlns:activiti=\"http://activiti.org/bpmn\"><bpmn:extensionElements>"
            + "<activiti:executionListener event=\"start\"><activiti:script scriptFormat=\"groovy\">1"
            + "</activiti:script></activiti:executionListener></bpmn:extensionElements></bpmn:serviceTask>"));
    cases.add(structural("a connector", "Task_Connector", "connectors (camunda:connector) are not allowed",
        "<bpmn:serviceTask id=\"Task_Connector\"><bpmn:extensionElements><camunda:connector>"
            + "<camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>"
            + "</bpmn:extensionElements></bpmn:serviceTask>"));
    cases.add(expression("an expression inside a string (nested #{})", "Task_Hostile",
        "${'#{jdbcTemplate.update(1)}'}", "camunda:expression",
        "a text that contains ${ or #{ inside an expression is not allowed",
        "<bpmn:serviceTask id=\"Task_Hostile\" camunda:expression=\"%s\" />"));
    cases.add(expression("a property of a variable in a condition", "Flow_Property", "${requester.bytes}",
        "bpmn:conditionExpression", "reading 'bytes' of 'requester' is not allowed",
        "<bpmn:endEvent id=\"End\" /><bpmn:sequenceFlow id=\"Flow_Property\" sourceRef=\"Start\" targetRef=\"End\">"
            + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">%s</bpmn:conditionExpression>"
            + "</bpmn:sequenceFlow>"));
    cases.add(expression("bracket access in an assignee", "Task_Bracket", "${requester['class']}",
        "camunda:assignee", "bracket access requester[...] is not allowed",
        "<bpmn:userTask id=\"Task_Bracket\" camunda:formRef=\"project-intake-screen\" camunda:assignee=\"%s\" />"));
    cases.add(expression("a bean as a plain value in an input parameter", "Task_Value", "${jdbcTemplate}",
        "camunda:inputParameter", "bean 'jdbcTemplate' is not on the allowlist",
        "<bpmn:serviceTask id=\"Task_Value\" camunda:delegateExpression=\"${recordProposal}\">"
            + "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"db\">%s"
            + "</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>"));
    cases.add(expression("a timer", "Start_Timer", GRANT, "bpmn:timeDate",
        "calling 'update' on bean 'jdbcTemplate'",
        "<bpmn:startEvent id=\"Start_Timer\"><bpmn:timerEventDefinition><bpmn:timeDate "
            + "xsi:type=\"bpmn:tFormalExpression\">%s</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>"));
    cases.add(expression("candidate groups", "Task_Groups",
        "${identityService.createMembership('owen', 'camunda-admin')}", "camunda:candidateGroups",
        "calling 'createMembership' on bean 'identityService'",
        "<bpmn:userTask id=\"Task_Groups\" camunda:formRef=\"project-intake-screen\" camunda:candidateGroups=\"%s\" />"));
    cases.add(expression("an output parameter", "Task_Value", "${jdbcTemplate.queryForList('select pwd_ from act_id_user')}",
        "camunda:outputParameter", "calling 'queryForList' on bean 'jdbcTemplate'",
        "<bpmn:serviceTask id=\"Task_Value\" camunda:delegateExpression=\"${recordProposal}\">"
            + "<bpmn:extensionElements><camunda:inputOutput><camunda:outputParameter name=\"users\">%s"
            + "</camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>"));
    cases.add(expression("a map entry", "Task_Value", GRANT, "camunda:entry", "calling 'update' on bean 'jdbcTemplate'",
        "<bpmn:serviceTask id=\"Task_Value\" camunda:delegateExpression=\"${recordProposal}\">"
            + "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"m\"><camunda:map>"
            + "<camunda:entry key=\"k\">%s</camunda:entry></camunda:map></camunda:inputParameter>"
            + "</camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>"));
    cases.add(expression("a list value", "Task_Value", "${execution.processEngine}", "camunda:value",
        "reading 'processEngine' of 'execution' is not allowed",
        "<bpmn:serviceTask id=\"Task_Value\" camunda:delegateExpression=\"${recordProposal}\">"
            + "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"l\"><camunda:list>"
            + "<camunda:value>%s</camunda:value></camunda:list></camunda:inputParameter>"
            + "</camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>"));
    cases.add(expression("a call activity's in mapping", "Call_Hostile", GRANT, "sourceExpression",
        "calling 'update' on bean 'jdbcTemplate'",
        "<bpmn:callActivity id=\"Call_Hostile\" calledElement=\"gate-review\"><bpmn:extensionElements>"
            + "<camunda:in sourceExpression=\"%s\" target=\"gate\" /></bpmn:extensionElements></bpmn:callActivity>"));
    cases.add(expression("a call activity's business key", "Call_Hostile",
        "#{execution.getProcessEngineServices().getRuntimeService()}", "businessKey",
        "calling 'getRuntimeService' on execution.getProcessEngineServices(...) is not allowed",
        "<bpmn:callActivity id=\"Call_Hostile\" calledElement=\"gate-review\"><bpmn:extensionElements>"
            + "<camunda:in businessKey=\"%s\" /></bpmn:extensionElements></bpmn:callActivity>"));
    cases.add(expression("an execution listener's expression", "Task_Hostile",
        "${identityService.deleteUser('demo')}", "expression", "calling 'deleteUser' on bean 'identityService'",
        "<bpmn:serviceTask id=\"Task_Hostile\" camunda:delegateExpression=\"${recordProposal}\">"
            + "<bpmn:extensionElements><camunda:executionListener event=\"start\" expression=\"%s\" />"
            + "</bpmn:extensionElements></bpmn:serviceTask>"));
    cases.add(expression("a delegate expression naming another bean", "Task_Hostile", "${jdbcTemplate}",
        "camunda:delegateExpression", "bean 'jdbcTemplate' is not a delegate",
        "<bpmn:serviceTask id=\"Task_Hostile\" camunda:delegateExpression=\"%s\" />"));
    cases.add(expression("a task listener's delegate expression calling a method", "Task_Listened",
        "${recordProposal.execute(execution)}", "delegateExpression",
        "a delegate expression names one delegate bean as a whole",
        "<bpmn:userTask id=\"Task_Listened\" camunda:formRef=\"project-intake-screen\" camunda:candidateGroups=\"pmo\">"
            + "<bpmn:extensionElements><camunda:taskListener event=\"create\" delegateExpression=\"%s\" />"
            + "</bpmn:extensionElements></bpmn:userTask>"));
    cases.add(expression("a due date computed from a function's result", "Task_Due",
        "${dateTime().plusDays(1).toDate()}", "camunda:dueDate", "calling 'toDate' on dateTime(...).plusDays(...)",
        "<bpmn:userTask id=\"Task_Due\" camunda:formRef=\"project-intake-screen\" camunda:candidateGroups=\"pmo\" "
            + "camunda:dueDate=\"%s\" />"));
    cases.add(expression("a multi-instance collection", "Task_Many",
        "${jdbcTemplate.queryForList('select id_ from act_id_user')}", "camunda:collection",
        "calling 'queryForList' on bean 'jdbcTemplate'",
        "<bpmn:userTask id=\"Task_Many\" camunda:formRef=\"project-intake-screen\" camunda:assignee=\"${voter}\">"
            + "<bpmn:multiInstanceLoopCharacteristics camunda:collection=\"%s\" camunda:elementVariable=\"voter\" />"
            + "</bpmn:userTask>"));
    cases.add(expression("a message name", "Message_Hostile", GRANT, "name", "calling 'update' on bean 'jdbcTemplate'",
        "<bpmn:intermediateCatchEvent id=\"Catch\"><bpmn:messageEventDefinition messageRef=\"Message_Hostile\" />"
            + "</bpmn:intermediateCatchEvent></bpmn:process><bpmn:message id=\"Message_Hostile\" name=\"%s\" />"
            + "<bpmn:process id=\"Second_Process\" isExecutable=\"false\">"));
    cases.add(expression("a form reference", "Task_Form", GRANT, "camunda:formRef",
        "calling 'update' on bean 'jdbcTemplate'",
        "<bpmn:userTask id=\"Task_Form\" camunda:formRef=\"%s\" camunda:candidateGroups=\"pmo\" />"));
    cases.add(expression("a decision reference", "Task_Decide", "${identityService.createGroup('x')}",
        "camunda:decisionRef", "calling 'createGroup' on bean 'identityService'",
        "<bpmn:businessRuleTask id=\"Task_Decide\" camunda:decisionRef=\"%s\" />"));
    cases.add(expression("an injected field", "Task_Hostile", GRANT, "camunda:expression",
        "calling 'update' on bean 'jdbcTemplate'",
        "<bpmn:serviceTask id=\"Task_Hostile\" camunda:delegateExpression=\"${recordProposal}\">"
            + "<bpmn:extensionElements><camunda:field name=\"x\"><camunda:expression>%s</camunda:expression>"
            + "</camunda:field></bpmn:extensionElements></bpmn:serviceTask>"));
    cases.add(expression("an unparsable expression", "Task_Hostile", "${jdbcTemplate.update(}", "camunda:expression",
        "it is not a valid expression", "<bpmn:serviceTask id=\"Task_Hostile\" camunda:expression=\"%s\" />"));
    cases.add(structural("a Java class on a listener", "Task_Hostile",
        "class 'java.lang.Runtime' is not allowed: refer to a Spring bean with camunda:delegateExpression",
        "<bpmn:serviceTask id=\"Task_Hostile\" camunda:delegateExpression=\"${recordProposal}\">"
            + "<bpmn:extensionElements><camunda:executionListener event=\"start\" class=\"java.lang.Runtime\" />"
            + "</bpmn:extensionElements></bpmn:serviceTask>"));
    cases.add(structural("a variable mapping class", "Call_Hostile",
        "camunda:variableMappingClass 'org.example.Mapping' is not allowed",
        "<bpmn:callActivity id=\"Call_Hostile\" calledElement=\"gate-review\" "
            + "camunda:variableMappingClass=\"org.example.Mapping\" />"));
    cases.add(structural("a variable mapping delegate expression", "Call_Hostile",
        "camunda:variableMappingDelegateExpression '${recordProposal}' is not allowed",
        "<bpmn:callActivity id=\"Call_Hostile\" calledElement=\"gate-review\" "
            + "camunda:variableMappingDelegateExpression=\"${recordProposal}\" />"));
    cases.add(structural("a form handler class", "Start_Form", "camunda:formHandlerClass 'org.example.Handler' is not allowed",
        "<bpmn:startEvent id=\"Start_Form\" camunda:formHandlerClass=\"org.example.Handler\" />"));
    cases.add(structural("a form field validator class", "Field_x", "form field validator class 'org.example.Check'",
        "<bpmn:startEvent id=\"Start_Form\"><bpmn:extensionElements><camunda:formData><camunda:formField id=\"Field_x\" "
            + "type=\"string\"><camunda:validation><camunda:constraint name=\"validator\" config=\"org.example.Check\" />"
            + "</camunda:validation></camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:startEvent>"));
    cases.add(structural("a script resource", "Task_Value", "resource 'deployment://evil.groovy' is not allowed",
        "<bpmn:serviceTask id=\"Task_Value\" camunda:delegateExpression=\"${recordProposal}\">"
            + "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\">"
            + "<camunda:script scriptFormat=\"groovy\" resource=\"deployment://evil.groovy\" />"
            + "</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>"));
    cases.add(new Case("a CMMN case", "cmmn", CMMN, null, "CMMN cases are not allowed"));
    Case grant = cases.get(0);
    cases.add(new Case("BPMN under another ending the engine reads as BPMN", "xbpmn", grant.content(),
        grant.elementId(), grant.fragment()));
    cases.add(new Case("a JUEL input expression in a decision", "dmn",
        DMN_TABLE.formatted("%s", "juel", "${jdbcTemplate.update('delete from act_id_membership')}"),
        "InputExpression_1", "expression language 'juel' is not allowed: decisions use FEEL"));
    cases.add(new Case("a JavaScript decision", "dmn",
        DMN_TABLE.replace("<definitions ", "<definitions expressionLanguage=\"javascript\" ")
            .formatted("%s", "feel", "x"), "Definitions_Probe", "expression language 'javascript' is not allowed"));
    cases.add(new Case("a FEEL function implemented in Java", "dmn", DMN_LITERAL.formatted("%s", EXTERNAL_FEEL),
        "Literal_1", "FEEL functions implemented in Java (external) are not allowed"));
    return cases;
  }

  /** FEEL that would call System.setProperty if external functions were enabled. */
  static final String EXTERNAL_FEEL = "{ f: function(k, v) external { java: { class: \"java.lang.System\", "
      + "method signature: \"setProperty(String, String)\" } }, r: f(\"pmo.feel.probe\", "
      + "\"called\") }.r";

  private static Case expression(String name, String elementId, String expression, String where, String reason,
      String body) {
    return new Case(name, "bpmn", process(body.formatted(xml(expression))), elementId,
        "expression '" + expression + "' in " + where + " is not allowed: " + reason);
  }

  private static Case structural(String name, String elementId, String fragment, String body) {
    return new Case(name, "bpmn", process(body), elementId, fragment);
  }

  /** A process around the body; %s stays for the key. */
  static String process(String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_1" targetNamespace="http://pmo.test">
          <bpmn:process id="%s" isExecutable="true" camunda:versionTag="1.0.0" camunda:historyTimeToLive="P180D">
            <bpmn:startEvent id="Start" />
            """ + body.replace("%", "%%") + """

          </bpmn:process>
        </bpmn:definitions>
        """;
  }

  static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  static final String DMN_TABLE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
          id="Definitions_Probe" name="Probe" namespace="http://camunda.org/schema/1.0/dmn">
        <decision id="%s" name="Probe" camunda:historyTimeToLive="P180D">
          <decisionTable id="Table_1">
            <input id="Input_1" label="x">
              <inputExpression id="InputExpression_1" typeRef="string" expressionLanguage="%s"><text>%s</text></inputExpression>
            </input>
            <output id="Output_1" name="result" typeRef="string" />
            <rule id="Rule_1">
              <inputEntry id="InputEntry_1"><text>-</text></inputEntry>
              <outputEntry id="OutputEntry_1"><text>"ok"</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  static final String DMN_LITERAL = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
          id="Definitions_Probe" name="Probe" namespace="http://camunda.org/schema/1.0/dmn">
        <decision id="%s" name="Probe" camunda:historyTimeToLive="P180D">
          <variable id="Variable_1" name="result" typeRef="string" />
          <literalExpression id="Literal_1"><text>%s</text></literalExpression>
        </decision>
      </definitions>
      """;

  static final String CMMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/CMMN/20151109/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/cmmn"
          id="Definitions_Case" targetNamespace="http://pmo.test">
        <case id="%s">
          <casePlanModel id="CasePlanModel_1">
            <extensionElements>
              <camunda:caseExecutionListener event="create" class="java.lang.Runtime" />
            </extensionElements>
          </casePlanModel>
        </case>
      </definitions>
      """;
}
