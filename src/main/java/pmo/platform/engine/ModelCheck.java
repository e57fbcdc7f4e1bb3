package pmo.platform.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import pmo.platform.engine.DeploymentGuard.Fault;

/**
 * What a process owner's BPMN and DMN files may contain besides their flow. A BPMN file is read as plain XML and every
 * element is looked at, attributes and text alike, so no place where the engine evaluates an expression is missed
 * (conditions, listeners, input/output mappings with their lists and maps, timers, assignees, candidates, due dates,
 * multi-instance, call activity mappings, names of messages and signals...): each value containing {@code ${} or
 * {@code #{} must pass the {@link ExpressionChecker}; scripts, connectors, Java classes and resources the engine
 * would load are rejected whatever they contain. A DMN file may use FEEL only, without Java ("external") functions.
 * Pure: no engine, no Spring.
 *
 * <p>Longer than 200 lines: one case per BPMN and DMN construct that is refused or checked.
 */
final class ModelCheck {

  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  /** The expression languages the DMN engine runs with its FEEL engine (ExpressionEvaluationHandler's list). */
  static final Set<String> FEEL = Set.of(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);

  /** A FEEL function implemented in Java: {@code function(x) external { java: {...} }}. */
  private static final Pattern EXTERNAL_FUNCTION = Pattern.compile("function\\s*\\([^)]*\\)\\s*external\\b");

  private ModelCheck() {
  }

  /** Every fault of one BPMN file: expressions outside the allowlist and elements that run code. */
  static List<Fault> bpmn(String resource, byte[] xml, ExpressionChecker expressions) {
    List<Fault> faults = new ArrayList<>();
    Element root = read(resource, xml, faults);
    if (root != null) {
      walkBpmn(resource, root, expressions, faults);
    }
    return faults;
  }

  /** Every fault of one DMN file: an expression language other than FEEL, a FEEL function implemented in Java. */
  static List<Fault> dmn(String resource, byte[] xml) {
    List<Fault> faults = new ArrayList<>();
    Element root = read(resource, xml, faults);
    if (root != null) {
      walkDmn(resource, root, faults);
    }
    return faults;
  }

  static boolean isFeel(String language) {
    return FEEL.contains(language) || "feel".equals(language.toLowerCase(Locale.ROOT));
  }

  private static void walkBpmn(String resource, Element element, ExpressionChecker expressions, List<Fault> faults) {
    String id = idOf(element);
    String name = element.getLocalName();
    // by local name in any namespace: the engine also reads Camunda's extensions in the old Activiti namespace
    if ("scriptTask".equals(name)) {
      faults.add(new Fault(resource, id, "script tasks are not allowed: call a delegate bean from a service task"));
    } else if ("script".equals(name) && !BPMN_NS.equals(element.getNamespaceURI())) {
      faults.add(new Fault(resource, id, "scripts (" + element.getTagName() + ") are not allowed"));
    } else if ("connector".equals(name)) {
      faults.add(new Fault(resource, id, "connectors (" + element.getTagName() + ") are not allowed"));
    } else if ("constraint".equals(name) && "validator".equals(element.getAttribute("name"))
        && !ExpressionChecker.isExpression(element.getAttribute("config"))) {
      faults.add(new Fault(resource, id, "form field validator class '" + element.getAttribute("config")
          + "' is not allowed"));
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String attributeName = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      String value = attribute.getValue();
      if (isNamespaceDeclaration(attribute)) {
        continue;
      }
      if ("class".equals(attributeName) || attributeName.endsWith("Class")) {
        faults.add(new Fault(resource, id, attribute.getName() + " '" + value
            + "' is not allowed: refer to a Spring bean with camunda:delegateExpression"));
      } else if ("variableMappingDelegateExpression".equals(attributeName)) {
        faults.add(new Fault(resource, id, attribute.getName() + " '" + value + "' is not allowed"));
      } else if ("resource".equals(attributeName)) {
        faults.add(new Fault(resource, id, attribute.getName() + " '" + value
            + "' is not allowed: the engine would load and run it"));
      } else if ("language".equals(attributeName)) {
        faults.add(new Fault(resource, id, "scripts (" + attribute.getName() + "='" + value
            + "') are not allowed: write the condition as an expression"));
      } else if (ExpressionChecker.isExpression(value)) {
        expression(resource, id, value, attribute.getName(), "delegateExpression".equals(attributeName),
            expressions, faults);
      }
    }
    String text = text(element);
    if (ExpressionChecker.isExpression(text)) {
      expression(resource, id, text.strip(), element.getTagName(), false, expressions, faults);
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element nested) {
        walkBpmn(resource, nested, expressions, faults);
      }
    }
  }

  private static void expression(String resource, String id, String expression, String where, boolean delegate,
      ExpressionChecker expressions, List<Fault> faults) {
    String problem = expressions.problemOf(expression, delegate);
    if (problem != null) {
      faults.add(new Fault(resource, id, "expression '" + expression + "' in " + where + " is not allowed: "
          + problem));
    }
  }

  private static void walkDmn(String resource, Element element, List<Fault> faults) {
    String id = idOf(element);
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String attributeName = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      if ("expressionLanguage".equals(attributeName) && !isFeel(attribute.getValue().strip())) {
        faults.add(new Fault(resource, id, "expression language '" + attribute.getValue()
            + "' is not allowed: decisions use FEEL"));
      } else if (!isNamespaceDeclaration(attribute) && EXTERNAL_FUNCTION.matcher(attribute.getValue()).find()) {
        faults.add(new Fault(resource, id, "FEEL functions implemented in Java (external) are not allowed"));
      }
    }
    if (EXTERNAL_FUNCTION.matcher(text(element)).find()) {
      faults.add(new Fault(resource, id, "FEEL functions implemented in Java (external) are not allowed: '"
          + text(element).strip() + "'"));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element nested) {
        walkDmn(resource, nested, faults);
      }
    }
  }

  /** The element's own text, as the engine's parser sees it: its text and CDATA children joined. */
  private static String text(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  /** The id of the element or of the nearest enclosing element that has one (a listener names its task). */
  private static String idOf(Element element) {
    for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
      if (current.hasAttribute("id")) {
        return current.getAttribute("id");
      }
    }
    return null;
  }

  private static boolean isNamespaceDeclaration(Attr attribute) {
    return XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI());
  }

  /** The file as XML, without DTDs or external entities (which the engine refuses as well), or a fault. */
  private static Element read(String resource, byte[] xml, List<Fault> faults) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(THROWING);
      return builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
    } catch (SAXParseException unreadable) {
      faults.add(new Fault(resource, null, "not readable as XML (line " + unreadable.getLineNumber() + ", column "
          + unreadable.getColumnNumber() + "): " + unreadable.getMessage()));
    } catch (SAXException | IOException | ParserConfigurationException unreadable) {
      faults.add(new Fault(resource, null, "not readable as XML: " + unreadable.getMessage()));
    }
    return null;
  }

  private static final ErrorHandler THROWING = new ErrorHandler() {
    @Override
    public void warning(SAXParseException exception) {
    }

    @Override
    public void error(SAXParseException exception) throws SAXException {
      throw exception;
    }

    @Override
    public void fatalError(SAXParseException exception) throws SAXException {
      throw exception;
    }
  };
}
