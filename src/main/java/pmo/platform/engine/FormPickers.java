package pmo.platform.engine;

import static pmo.platform.engine.CommandFields.field;
import static pmo.platform.engine.CommandFields.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import pmo.platform.Viewer;

/**
 * Pickers instead of typed ids (README, "Pickers instead of ids"): whenever a deployed start or task form is fetched
 * through the engine (Tasklist does so each time it shows one), every {@code select} whose {@code valuesKey} names a
 * {@link FormOptions} key gets that source's current options for the signed-in user as its {@code values}, becomes
 * searchable, and loses the {@code valuesKey}. Tasklist loads no process variables for a start form, so options held
 * in variables could not reach one; the form itself can carry them.
 *
 * <p>Only what is shown changes: the deployed form stays as it is, the form contract and the form's validation read it
 * ({@link DeployedForms}), so a submitted option list is refused like any other variable the form does not have, and
 * the services still check every submitted id. In a task form, a value the task holds already stays among the options
 * even when it no longer qualifies, so a read-only picker still shows it by name.
 */
final class FormPickers extends CommandInterceptor {

  private static final Class<?> OWNER = FormPickers.class;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Field TASK_ID = field(GetDeployedTaskFormCmd.class, "taskId", OWNER);

  private final Supplier<List<FormOptions>> sources;

  FormPickers(Supplier<List<FormOptions>> sources) {
    this.sources = sources;
  }

  @Override
  public <T> T execute(Command<T> command) {
    T result = next.execute(command);
    boolean start = command instanceof GetDeployedStartFormCmd;
    boolean task = command instanceof GetDeployedTaskFormCmd;
    if ((!start && !task) || !(result instanceof InputStream form)) {
      return result;
    }
    CommandContext context = Context.getCommandContext();
    TaskEntity taskEntity = task && context != null ? context.runWithoutAuthorization(
        () -> context.getTaskManager().findTaskById((String) read(TASK_ID, command))) : null;
    @SuppressWarnings("unchecked")
    T rewritten = (T) rewrite(form, viewer(context), taskEntity);
    return rewritten;
  }

  /** The form with the options filled in; the same bytes when it names no known source. */
  InputStream rewrite(InputStream form, Viewer viewer, TaskEntity task) {
    byte[] bytes;
    try (form) {
      bytes = form.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, FormOptions> byKey = new HashMap<>();
    for (FormOptions source : sources.get()) {
      source.keys().forEach(key -> byKey.put(key, source));
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      return new ByteArrayInputStream(bytes); // not a Camunda Form (an embedded HTML form): shown as deployed
    }
    if (root == null || !root.isObject() || !fill(root, byKey, viewer, task, true)) {
      return new ByteArrayInputStream(bytes);
    }
    try {
      return new ByteArrayInputStream(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fills the pickers among the components of {@code node} and below; whether any was filled. */
  private boolean fill(JsonNode node, Map<String, FormOptions> byKey, Viewer viewer, TaskEntity task,
      boolean topLevel) {
    boolean filled = false;
    JsonNode components = node.path("components");
    for (int i = 0; i < components.size(); i++) {
      JsonNode component = components.get(i);
      FormOptions source = byKey.get(component.path("valuesKey").asText(""));
      if ("select".equals(component.path("type").asText()) && source != null) {
        // a dynamic list's rows hold their own values; only a top-level field's value is the task's variable
        Object current = topLevel && task != null && component.hasNonNull("key")
            ? task.getVariable(component.path("key").asText()) : null;
        ((ArrayNode) components).set(i, picker((ObjectNode) component, source, viewer, current));
        filled = true;
      } else {
        boolean list = "dynamiclist".equals(component.path("type").asText());
        filled |= fill(component, byKey, viewer, task, topLevel && !list);
      }
    }
    return filled;
  }

  /** The select with the source's options instead of its valuesKey, in the place the valuesKey had. */
  private static ObjectNode picker(ObjectNode select, FormOptions source, Viewer viewer, Object current) {
    String key = select.path("valuesKey").asText();
    List<FormOptions.Option> options = new java.util.ArrayList<>(source.options(key, viewer));
    if (current != null && (!(current instanceof String s) || !s.isBlank())
        && options.stream().noneMatch(o -> same(o.value(), current))) {
      options.add(0, source.option(key, current).orElse(new FormOptions.Option(String.valueOf(current), current)));
    }
    ArrayNode values = JSON.createArrayNode();
    for (FormOptions.Option option : options) {
      ObjectNode value = values.addObject().put("label", option.label());
      value.set("value", JSON.valueToTree(option.value()));
    }
    ObjectNode picker = JSON.createObjectNode();
    for (Entry<String, JsonNode> property : select.properties()) {
      if ("valuesKey".equals(property.getKey())) {
        picker.set("values", values);
      } else if (!"values".equals(property.getKey()) && !"searchable".equals(property.getKey())) {
        picker.set(property.getKey(), property.getValue());
      }
    }
    picker.put("searchable", true);
    return picker;
  }

  private static boolean same(Object option, Object current) {
    return Objects.equals(option, current) || String.valueOf(option).equals(String.valueOf(current));
  }

  private static Viewer viewer(CommandContext context) {
    Authentication user = context == null ? null : context.getAuthentication();
    if (user == null || user.getUserId() == null) {
      return Viewer.SYSTEM;
    }
    return new Viewer(user.getUserId(), user.getGroupIds() == null ? Set.of() : Set.copyOf(user.getGroupIds()));
  }
}
