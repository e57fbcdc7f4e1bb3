package pmo.portfolio;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pmo.platform.ConflictException;
import pmo.platform.InvalidInputException;
import pmo.platform.NotFoundException;
import pmo.platform.RowLocks;

/**
 * The projects and proposals the portfolio works on, read from their own tables: whether one is open to portfolio
 * work (a running project: active or on hold and not closed; a proposal still in intake: submitted, sent back or
 * screened), its reference, and its row lock (the project or proposal row first, by the lock order of
 * {@link RowLocks}).
 */
@Component
public class Subjects {

  static final List<String> OPEN_PROPOSAL = List.of("SUBMITTED", "SENT_BACK", "SCREENED");
  static final String RUNNING_PROJECT = "status in ('ACTIVE', 'ON_HOLD') and stage <> 'CLOSED'";

  private final JdbcClient jdbc;
  private final RowLocks locks;

  Subjects(JdbcClient jdbc, RowLocks locks) {
    this.jdbc = jdbc;
    this.locks = locks;
  }

  /** A project or proposal as the portfolio sees it. */
  public record Info(Subject subject, String reference, String name, String status, boolean open, String manager,
      String sponsor) {
  }

  public Optional<Info> find(Subject subject) {
    return read(subject, "");
  }

  /** Reads and locks the row of a subject that must exist (404) and be open to portfolio work (409). */
  Info lockOpen(Subject subject, String purpose) {
    Info info = read(subject, " " + locks.forUpdate()).orElseThrow(() -> new NotFoundException(
        subject.kind().name().toLowerCase(), subject.id()));
    if (!info.open()) {
      throw new ConflictException(info.reference() + " is " + info.status() + ": " + purpose);
    }
    return info;
  }

  /** The subject a reference names (PRJ-00001 or PROPOSAL-12); an input error on {@code field} otherwise. */
  Info byReference(String reference, String field) {
    if (reference == null || reference.isBlank()) {
      throw InvalidInputException.of(field, "is required");
    }
    Optional<Info> info;
    if (reference.startsWith(Subject.PROPOSAL_PREFIX)) {
      info = find(Subject.proposal(Subject.proposalId(reference, field)));
    } else {
      info = jdbc.sql("select id from project where code = :code").param("code", reference).query(Long.class)
          .optional().flatMap(id -> find(Subject.project(id)));
    }
    return info.orElseThrow(() -> InvalidInputException.of(field, "no project or proposal '" + reference + "'"));
  }

  private Optional<Info> read(Subject subject, String lock) {
    if (subject.kind() == Subject.Kind.PROJECT) {
      return jdbc.sql("select id, code, name, stage, status, manager, sponsor from project where id = :id" + lock)
          .param("id", subject.id())
          .query((rs, n) -> {
            String stage = rs.getString("stage");
            String status = rs.getString("status");
            boolean running = !"CLOSED".equals(stage) && ("ACTIVE".equals(status) || "ON_HOLD".equals(status));
            return new Info(subject, rs.getString("code"), rs.getString("name"),
                "CLOSED".equals(stage) ? "CLOSED" : status, running, rs.getString("manager"),
                rs.getString("sponsor"));
          }).optional();
    }
    return jdbc.sql("select id, title, status, project_id, sponsor from project_proposal where id = :id" + lock)
        .param("id", subject.id())
        .query((rs, n) -> {
          String status = rs.getString("status");
          boolean open = OPEN_PROPOSAL.contains(status) && rs.getObject("project_id") == null;
          return new Info(subject, Subject.proposalReference(subject.id()), rs.getString("title"), status, open, null,
              rs.getString("sponsor"));
        }).optional();
  }
}
