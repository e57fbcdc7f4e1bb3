package pmo.platform.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import pmo.platform.ConflictException;
import pmo.platform.FieldError;
import pmo.platform.ForbiddenActionException;
import pmo.platform.InvalidInputException;
import pmo.platform.NotFoundException;

/**
 * What a failure means for the caller, whichever API it reached: the one place that turns an exception into a status,
 * a title, a detail and field errors. The engine wraps what listeners and delegates throw, MyBatis wraps the driver's
 * errors and PostgreSQL hides the real error of a batch behind {@link SQLException#getNextException()}, so the whole
 * cause chain is searched: first for the application's own exceptions (the most precise answer), then for the engine's
 * and the database's. A failure that means nothing here (a bug) is empty: the caller answers 500 without internals.
 *
 * <p>Longer than 200 lines: one case per kind of failure, in the order they are searched for; split, the order would be
 * lost.
 */
final class Failures {

  /** An answer: status, a short title, a detail for people and, for bad input or a taken key, the fields. */
  record Answer(HttpStatus status, String title, String detail, List<FieldError> errors) {

    Answer {
      errors = errors == null ? List.of() : List.copyOf(errors);
    }

    static Answer of(HttpStatus status, String title, String detail) {
      return new Answer(status, title, detail, List.of());
    }
  }

  static final String RETRY = "the database was busy with a concurrent change (deadlock or lock timeout); retry";
  static final String OUTAGE = "the database is not reachable at the moment; retry later";

  /** Unique key: PostgreSQL says "Key (code)=(PRJ-1) already exists.", H2 "... ON PUBLIC.PROJECT(CODE NULLS FIRST)". */
  private static final Pattern POSTGRES_KEY = Pattern.compile("Key \\(([^)]*)\\)=");
  /** The engine says "not found" mostly with a NullValueException ("Cannot find task with id ...: task is null"). */
  private static final Pattern ENGINE_NOT_FOUND = Pattern.compile(
      "(?i)cannot find|not found|does not exist|no \\w+ found");
  private static final Pattern H2_KEY = Pattern.compile(" ON [\\w.\"]+\\(([^)]*)\\)");

  private Failures() {
  }

  static Optional<Answer> of(Throwable failure) {
    Optional<Answer> own = own(failure);
    if (own.isPresent()) {
      return own;
    }
    for (Throwable t : chain(failure)) {
      Answer other = engineOrSpring(t);
      if (other == null && t instanceof SQLException sql) {
        other = database(sql);
      }
      if (other != null) {
        return Optional.of(other);
      }
    }
    return Optional.empty();
  }

  /** The answer to the application's own exceptions (and a body over the limit) anywhere in the chain. */
  static Optional<Answer> own(Throwable failure) {
    return chain(failure).stream().map(Failures::ownAnswer).filter(java.util.Objects::nonNull).findFirst();
  }

  /** The exception and its causes, with the next exceptions of SQL exceptions (batches), each once. */
  static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    collect(failure, chain, seen);
    return chain;
  }

  private static void collect(Throwable t, List<Throwable> chain, Set<Throwable> seen) {
    while (t != null && seen.add(t)) {
      chain.add(t);
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        collect(sql.getNextException(), chain, seen);
      }
      t = t.getCause();
    }
  }

  private static Answer ownAnswer(Throwable t) {
    if (t instanceof InvalidInputException invalid) {
      return new Answer(HttpStatus.BAD_REQUEST, "Invalid input", invalid.getMessage(), invalid.errors());
    }
    if (t instanceof ForbiddenActionException) {
      return Answer.of(HttpStatus.FORBIDDEN, "Forbidden", t.getMessage());
    }
    if (t instanceof NotFoundException) {
      return Answer.of(HttpStatus.NOT_FOUND, "Not found", t.getMessage());
    }
    if (t instanceof ConflictException conflict) {
      return new Answer(HttpStatus.CONFLICT, "Conflict", conflict.getMessage(), conflict.errors());
    }
    if (t instanceof PayloadTooLargeException) {
      return Answer.of(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", t.getMessage());
    }
    return null;
  }

  private static Answer engineOrSpring(Throwable t) {
    if (t instanceof AuthorizationException || t instanceof AccessDeniedException) {
      return Answer.of(HttpStatus.FORBIDDEN, "Forbidden", t.getMessage());
    }
    if (t instanceof OptimisticLockingException || t instanceof OptimisticLockingFailureException) {
      return Answer.of(HttpStatus.CONFLICT, "Conflict",
          "someone else changed this meanwhile (for example completed the same task); reload and retry");
    }
    if (t instanceof TaskAlreadyClaimedException) {
      return Answer.of(HttpStatus.CONFLICT, "Conflict", t.getMessage());
    }
    if (t instanceof org.camunda.bpm.engine.exception.NotFoundException
        || (t instanceof org.camunda.bpm.engine.exception.NullValueException && t.getMessage() != null
            && ENGINE_NOT_FOUND.matcher(t.getMessage()).find())) {
      return Answer.of(HttpStatus.NOT_FOUND, "Not found", t.getMessage());
    }
    if (t instanceof PessimisticLockingFailureException) {
      return Answer.of(HttpStatus.CONFLICT, "Conflict", RETRY);
    }
    if (t instanceof DuplicateKeyException) {
      return null; // the SQL exception below it names the key
    }
    if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
        || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
        || t instanceof java.net.ConnectException) {
      return Answer.of(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", OUTAGE);
    }
    return null;
  }

  /** By SQLState, the same on PostgreSQL and H2 for what matters here. */
  static Answer database(SQLException e) {
    String state = e.getSQLState();
    if (state == null) {
      return null;
    }
    if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
        || state.equals("53300")) {
      return Answer.of(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", OUTAGE);
    }
    if (state.equals("40001") || state.equals("40P01") || state.equals("55P03") || state.equals("HYT00")) {
      return Answer.of(HttpStatus.CONFLICT, "Conflict", RETRY);
    }
    if (state.equals("23505")) {
      List<FieldError> fields = keyColumns(e.getMessage()).stream()
          .map(column -> new FieldError(column, "is already used by another record"))
          .toList();
      String detail = fields.isEmpty() ? "a record with the same key exists already"
          : fields.stream().map(FieldError::toString).collect(java.util.stream.Collectors.joining("; "));
      return new Answer(HttpStatus.CONFLICT, "Conflict", detail, fields);
    }
    if (state.startsWith("23")) {
      return Answer.of(HttpStatus.CONFLICT, "Conflict",
          "the change conflicts with stored data (a record it refers to is missing or still referenced)");
    }
    if (state.equals("22021") || state.equals("22P05")) {
      return new Answer(HttpStatus.BAD_REQUEST, "Invalid input", "body: contains a character that cannot be stored",
          List.of(new FieldError("body", "contains a character that cannot be stored (such as NUL)")));
    }
    if (state.equals("22001")) {
      return new Answer(HttpStatus.BAD_REQUEST, "Invalid input", "body: a text is longer than allowed",
          List.of(new FieldError("body", "a text is longer than allowed")));
    }
    return null;
  }

  /** The columns of a violated unique key as JSON field names (project_id, CODE_ become projectId, code). */
  static List<String> keyColumns(String message) {
    if (message == null) {
      return List.of();
    }
    Matcher m = POSTGRES_KEY.matcher(message);
    String columns = m.find() ? m.group(1) : null;
    if (columns == null) {
      Matcher h2 = H2_KEY.matcher(message);
      columns = h2.find() ? h2.group(1) : null;
    }
    if (columns == null) {
      return List.of();
    }
    List<String> fields = new ArrayList<>();
    for (String column : columns.split(",")) {
      String name = column.trim().split("\\s+")[0].replace("\"", "");
      if (!name.isEmpty()) {
        fields.add(camelCase(name));
      }
    }
    return fields;
  }

  private static String camelCase(String column) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = out.length() > 0;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
