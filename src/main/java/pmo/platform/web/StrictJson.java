package pmo.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * JSON is read strictly: what a client sends is what it meant, or it is told. Text after the JSON value is rejected
 * (not ignored); a number with a fraction is not cut down to fit an integer field ({@code 2.5} is not {@code 2}); and a
 * text may not carry control characters other than tab, CR and LF (a NUL cannot be stored by PostgreSQL and would
 * fail later as a 500; the others have no business in a governance record), named by field. A
 * {@link pmo.platform.Choice} is one of its values or names, or the field is named with the allowed values
 * ({@link ChoiceJson}).
 */
final class StrictJson {

  private StrictJson() {
  }

  static ObjectMapper apply(ObjectMapper mapper) {
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper.registerModule(module());
    return mapper;
  }

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("pmo-strict-text");
    // set before addDeserializer, which adds to the deserializers the module holds
    module.setDeserializers(new ChoiceJson.Deserializers());
    return module.addDeserializer(String.class, new CheckedText());
  }

  /** 400 for JSON that cannot be read, naming the field where the reader knows it. */
  static Failures.Answer answer(Throwable failure) {
    pmo.platform.FieldError error = new pmo.platform.FieldError("body", "is not readable JSON");
    if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(java.util.stream.Collectors.joining("."));
      error = new pmo.platform.FieldError(field, mapping instanceof ControlCharacterException
          ? ControlCharacterException.REASON
          : mapping instanceof ChoiceJson.NotAChoice choice ? choice.reason()
          : "has a value of the wrong type or format");
    }
    return new Failures.Answer(org.springframework.http.HttpStatus.BAD_REQUEST, "Invalid input", error.toString(),
        java.util.List.of(error));
  }

  /** The first character of {@code text} that is a C0 control other than tab, CR and LF, or -1. */
  static int firstControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Jackson's own text reading, then the check; the reader adds the field's path to the failure. */
  static final class CheckedText extends StdScalarDeserializer<String> {

    CheckedText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = StringDeserializer.instance.deserialize(parser, context);
      if (text != null) {
        int at = firstControlCharacter(text);
        if (at >= 0) {
          throw new ControlCharacterException(parser, text.charAt(at));
        }
      }
      return text;
    }
  }

  /** A text with a forbidden control character; its path names the field. */
  static final class ControlCharacterException extends JsonMappingException {

    static final String REASON = "must not contain control characters (such as NUL)";

    ControlCharacterException(JsonParser parser, char c) {
      super(parser, String.format("text contains the control character U+%04X", (int) c));
    }
  }
}
