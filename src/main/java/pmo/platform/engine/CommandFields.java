package pmo.platform.engine;

import java.lang.reflect.Field;

/**
 * Reads a private field of one of Camunda's engine commands (the task id of a form fetch, the variables of a
 * completion), for the interceptors that check or adapt those commands ({@link FormContract}, {@link FormPickers}):
 * the commands offer no getter. A field the engine renamed fails at start, naming the command and who needs it.
 */
final class CommandFields {

  private CommandFields() {
  }

  /** The field {@code name} of {@code type}, made readable; {@code user} names the interceptor that reads it. */
  static Field field(Class<?> type, String name, Class<?> user) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda's " + type.getSimpleName() + " has no field '" + name
          + "' any more: " + user.getSimpleName() + " cannot read it; adapt it to this engine version", e);
    }
  }

  /** The value of {@code field} in {@code command}. */
  static Object read(Field field, Object command) {
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + field, e);
    }
  }
}
