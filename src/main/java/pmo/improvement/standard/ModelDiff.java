package pmo.improvement.standard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What changed between two versions of a model, element by element (by id): elements added, removed, and changed
 * (each attribute that differs, and the content of the element that is not an element of its own: documentation,
 * conditions, timers, listeners, input/output, form fields...). The diagram (BPMN DI, DMN DI) is left out: moving a
 * shape changes nothing in the standard. A decision table is compared rule by rule: rules added, removed, and changed
 * with their cells before and after. A Camunda Form is compared field by field (by key, else id).
 *
 * <p>Longer than 200 lines because BPMN, DMN and forms are compared with one notion of element, attribute and
 * content; the XML and JSON readers they share are private here.
 */
final class ModelDiff {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_VALUE = 300;

  /** An element: its id, type (the XML element's local name, or the form field's type) and name. */
  record ElementRef(String id, String type, String name) {
  }

  /** An element in both versions, with what differs, one line per difference ("name: 'a' → 'b'"). */
  record ElementChange(String id, String type, String name, List<String> changes) {
  }

  /** A rule of a decision table: its cells, inputs then outputs. */
  record RuleRow(String id, List<String> cells) {
  }

  record RuleChange(String id, List<String> before, List<String> after) {
  }

  /** The rules of the decision tables compared (DMN only). */
  record RuleChanges(List<RuleRow> added, List<RuleRow> removed, List<RuleChange> changed) {
  }

  record Diff(List<ElementRef> added, List<ElementRef> removed, List<ElementChange> changed, RuleChanges rules) {
  }

  private ModelDiff() {
  }

  /** The difference between two BPMN files. */
  static Diff bpmn(byte[] from, byte[] to) {
    return elements(parse(from), parse(to), false);
  }

  /** The difference between two DMN files, with their rules compared row by row. */
  static Diff dmn(byte[] from, byte[] to) {
    Element a = parse(from);
    Element b = parse(to);
    Diff elements = elements(a, b, true);
    Map<String, RuleRow> before = rules(a);
    Map<String, RuleRow> after = rules(b);
    List<RuleRow> added = after.values().stream().filter(r -> !before.containsKey(r.id())).toList();
    List<RuleRow> removed = before.values().stream().filter(r -> !after.containsKey(r.id())).toList();
    List<RuleChange> changed = new ArrayList<>();
    before.forEach((id, row) -> {
      RuleRow now = after.get(id);
      if (now != null && !now.cells().equals(row.cells())) {
        changed.add(new RuleChange(id, row.cells(), now.cells()));
      }
    });
    return new Diff(elements.added(), elements.removed(), elements.changed(),
        new RuleChanges(added, removed, changed));
  }

  /** The difference between two Camunda Forms (JSON), field by field. */
  static Diff form(byte[] from, byte[] to) {
    Map<String, JsonNode> a = fields(from);
    Map<String, JsonNode> b = fields(to);
    List<ElementRef> added = new ArrayList<>();
    List<ElementRef> removed = new ArrayList<>();
    List<ElementChange> changed = new ArrayList<>();
    b.forEach((key, field) -> {
      if (!a.containsKey(key)) {
        added.add(ref(key, field));
      }
    });
    a.forEach((key, field) -> {
      JsonNode now = b.get(key);
      if (now == null) {
        removed.add(ref(key, field));
        return;
      }
      List<String> changes = new ArrayList<>();
      List<String> names = new ArrayList<>();
      field.fieldNames().forEachRemaining(names::add);
      now.fieldNames().forEachRemaining(n -> {
        if (!names.contains(n)) {
          names.add(n);
        }
      });
      for (String name : names) {
        if ("components".equals(name)) {
          continue;
        }
        JsonNode x = field.get(name);
        JsonNode y = now.get(name);
        if (!Objects.equals(x, y)) {
          changes.add(name + ": " + show(x == null ? null : x.toString()) + " → " + show(y == null ? null
              : y.toString()));
        }
      }
      if (!changes.isEmpty()) {
        ElementRef r = ref(key, now);
        changed.add(new ElementChange(r.id(), r.type(), r.name(), changes));
      }
    });
    return new Diff(added, removed, changed, null);
  }

  // --- XML

  private static Diff elements(Element from, Element to, boolean decision) {
    Map<String, Element> a = identified(from, decision);
    Map<String, Element> b = identified(to, decision);
    List<ElementRef> added = b.entrySet().stream().filter(e -> !a.containsKey(e.getKey()))
        .map(e -> ref(e.getValue())).toList();
    List<ElementRef> removed = a.entrySet().stream().filter(e -> !b.containsKey(e.getKey()))
        .map(e -> ref(e.getValue())).toList();
    List<ElementChange> changed = new ArrayList<>();
    a.forEach((id, before) -> {
      Element after = b.get(id);
      if (after == null) {
        return;
      }
      List<String> changes = new ArrayList<>();
      if (!before.getLocalName().equals(after.getLocalName())) {
        changes.add("type: " + before.getLocalName() + " → " + after.getLocalName());
      }
      Map<String, String> x = attributes(before);
      Map<String, String> y = attributes(after);
      Map<String, String> all = new LinkedHashMap<>(x);
      y.forEach(all::putIfAbsent);
      all.keySet().forEach(name -> {
        if (!Objects.equals(x.get(name), y.get(name))) {
          changes.add(name + ": " + show(x.get(name)) + " → " + show(y.get(name)));
        }
      });
      String contentBefore = content(before);
      String contentAfter = content(after);
      if (!contentBefore.equals(contentAfter)) {
        changes.add("content: " + show(contentBefore) + " → " + show(contentAfter));
      }
      if (!changes.isEmpty()) {
        ElementRef r = ref(after);
        changed.add(new ElementChange(r.id(), r.type(), r.name(), changes));
      }
    });
    return new Diff(added, removed, changed, null);
  }

  /** Every element with an id, outside the diagram; in a decision, rules and their entries are compared as rows. */
  private static Map<String, Element> identified(Element root, boolean decision) {
    Map<String, Element> found = new LinkedHashMap<>();
    collect(root, decision, found);
    return found;
  }

  private static void collect(Element element, boolean decision, Map<String, Element> found) {
    if (isDiagram(element) || (decision && isRulePart(element))) {
      return;
    }
    if (element.hasAttribute("id") && element != element.getOwnerDocument().getDocumentElement()) {
      found.put(element.getAttribute("id"), element);
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        collect(e, decision, found);
      }
    }
  }

  private static boolean isDiagram(Element element) {
    String ns = element.getNamespaceURI();
    return ns != null && (ns.endsWith("/DI") || ns.endsWith("/DI/") || ns.endsWith("/DC") || ns.endsWith("/DC/")
        || ns.endsWith("/DMNDI/"));
  }

  private static boolean isRulePart(Element element) {
    String name = element.getLocalName();
    return "rule".equals(name) || "inputEntry".equals(name) || "outputEntry".equals(name);
  }

  private static Map<String, String> attributes(Element element) {
    Map<String, String> found = new LinkedHashMap<>();
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if (!"id".equals(attribute.getName()) && !attribute.getName().startsWith("xmlns")) {
        found.put(attribute.getName(), attribute.getValue());
      }
    }
    return found;
  }

  /**
   * The element's own content: its text and its children that have no id of their own (nor are diagram, incoming or
   * outgoing references, which the flows already say), written out in one line.
   */
  private static String content(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        String name = e.getLocalName();
        if (e.hasAttribute("id") || isDiagram(e) || "incoming".equals(name) || "outgoing".equals(name)) {
          continue;
        }
        text.append('<').append(e.getTagName());
        attributes(e).forEach((k, v) -> text.append(' ').append(k).append("=\"").append(v).append('"'));
        text.append('>').append(content(e)).append("</").append(e.getTagName()).append('>');
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        String value = child.getNodeValue().strip();
        if (!value.isEmpty()) {
          text.append(value.replaceAll("\\s+", " "));
        }
      }
    }
    return text.toString();
  }

  private static Map<String, RuleRow> rules(Element root) {
    Map<String, RuleRow> rules = new LinkedHashMap<>();
    var nodes = root.getElementsByTagNameNS("*", "rule");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element rule = (Element) nodes.item(i);
      List<String> cells = new ArrayList<>();
      for (Node child = rule.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element e && ("inputEntry".equals(e.getLocalName())
            || "outputEntry".equals(e.getLocalName()))) {
          // the cell as the table shows it: its expression's text
          cells.add(e.getTextContent().strip().replaceAll("\\s+", " "));
        }
      }
      rules.put(rule.getAttribute("id"), new RuleRow(rule.getAttribute("id"), cells));
    }
    return rules;
  }

  private static ElementRef ref(Element element) {
    String name = element.hasAttribute("name") ? element.getAttribute("name")
        : element.hasAttribute("label") ? element.getAttribute("label") : null;
    return new ElementRef(element.getAttribute("id"), element.getLocalName(), name);
  }

  /** The file as XML, without DTDs or external entities. */
  static Element parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      return builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException("a deployed model is not readable as XML: " + e.getMessage(), e);
    }
  }

  // --- forms

  private static Map<String, JsonNode> fields(byte[] json) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    try {
      collectFields(JSON.readTree(json).path("components"), fields);
    } catch (IOException e) {
      throw new IllegalStateException("a deployed form is not readable as JSON: " + e.getMessage(), e);
    }
    return fields;
  }

  private static void collectFields(JsonNode components, Map<String, JsonNode> fields) {
    for (Iterator<JsonNode> it = components.elements(); it.hasNext(); ) {
      JsonNode component = it.next();
      String key = component.hasNonNull("key") ? component.get("key").asText()
          : component.path("id").asText("component-" + fields.size());
      fields.put(key, component);
      if (component.has("components")) {
        collectFields(component.get("components"), fields);
      }
    }
  }

  private static ElementRef ref(String key, JsonNode field) {
    return new ElementRef(key, field.path("type").asText(null), field.path("label").asText(null));
  }

  private static String show(String value) {
    if (value == null) {
      return "(none)";
    }
    String shown = value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) + "…" : value;
    return "'" + shown + "'";
  }
}
