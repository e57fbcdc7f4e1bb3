package pmo.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import java.io.IOException;
import java.util.List;
import pmo.platform.Choice;
import pmo.platform.Choices;

/**
 * A {@link Choice} in a JSON body is read as the Tasklist form reads it: by its value ({@code "emergency"}) or by the
 * constant's name, as the API writes it ({@code "EMERGENCY"}), through {@link Choices}, so a record taken as a request
 * body can hold its choices as enums and no controller lists the fields again to parse them. Anything else fails with
 * the reason {@code Choices} gives, and the reader's path names the field ({@link StrictJson#answer}). An empty text is
 * no choice (null), as an empty form field is; whether one is required is the record's rule. Writing is Jackson's
 * own (the constant's name).
 */
final class ChoiceJson {

  private ChoiceJson() {
  }

  /** Jackson's deserializers of a module, answering for every enum that is a {@link Choice}. */
  static final class Deserializers extends SimpleDeserializers {

    @Override
    public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
        BeanDescription description) throws JsonMappingException {
      JsonDeserializer<?> registered = super.findEnumDeserializer(type, config, description);
      return registered == null && Choice.class.isAssignableFrom(type) ? new Reader(type) : registered;
    }
  }

  /** Reads one choice of an enum type. */
  static final class Reader extends StdScalarDeserializer<Object> {

    private final List<Choice> allowed;

    Reader(Class<?> type) {
      super(type);
      this.allowed = List.of((Choice[]) type.getEnumConstants());
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonToken token = parser.currentToken();
      if (token == null || !token.isScalarValue()) {
        return context.handleUnexpectedToken(handledType(), parser);
      }
      String input = parser.getText();
      if (token == JsonToken.VALUE_STRING && input.isBlank()) {
        return null;
      }
      return Choices.find(allowed, input).orElseThrow(() -> new NotAChoice(parser, Choices.reason(allowed, input)));
    }
  }

  /** A value that is none of the choices; its path names the field, its reason the allowed values. */
  static final class NotAChoice extends JsonMappingException {

    private final String reason;

    NotAChoice(JsonParser parser, String reason) {
      super(parser, reason);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }
}
