package pmo.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

/**
 * The engine REST API's JSON mapper: Camunda's own settings ({@link JacksonConfigurator}: date format, unknown
 * properties ignored) plus {@link StrictJson}. Camunda's variable values are untyped JSON, so the text check reaches
 * the typed fields of its requests (ids, names, business keys), not the values; PostgreSQL's refusal of a NUL in a
 * value is answered 400 by {@link EngineRestExceptionMapper}.
 */
@Priority(1000)
@Produces({MediaType.APPLICATION_JSON, "application/hal+json"})
class StrictEngineJson implements ContextResolver<ObjectMapper> {

  private final ObjectMapper mapper = StrictJson.apply(JacksonConfigurator.configureObjectMapper(new ObjectMapper()));

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return mapper;
  }
}
