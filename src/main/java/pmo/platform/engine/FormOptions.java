package pmo.platform.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import pmo.platform.Viewer;

/**
 * Options a Camunda Form's select offers from the stored data (projects, people), instead of an id to type. A form
 * names the options by the select's {@code valuesKey} (for example {@code "runningProjects"}); each time Tasklist (or
 * anyone) fetches the deployed form through the engine, {@link FormPickers} puts the current options into the form
 * for the signed-in user. Capabilities implement it as Spring beans; the options are a help to pick, not a rule: the
 * services check every submitted id as they always do.
 */
public interface FormOptions {

  /** Most options one select offers: form-js searches them in the browser, so they all travel with the form. */
  int LIMIT = 500;

  /** The {@code valuesKey}s this bean answers for. */
  Set<String> keys();

  /** The options of {@code key} for this user, in the order shown, at most {@link #LIMIT}. */
  List<Option> options(String key, Viewer user);

  /**
   * The option of a value a task holds already but that the options no longer include (a project closed since, a
   * sponsor who left the committee), so the form still shows it by name; empty when the value names nothing. By
   * default the option of that value among {@link #options}, for options that are the same for every reader and
   * complete (configuration); a bean whose options depend on the reader or are cut at {@link #LIMIT} looks it up.
   */
  default Optional<Option> option(String key, Object value) {
    String given = String.valueOf(value).trim();
    return options(key, Viewer.SYSTEM).stream().filter(o -> String.valueOf(o.value()).equals(given)).findFirst();
  }

  /**
   * One option: the label shown and searched, the value submitted (a number for a project id, so the process gets the
   * same type as from a number field; a text for a user id).
   */
  record Option(String label, Object value) {
  }
}
