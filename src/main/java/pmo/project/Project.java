package pmo.project;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A registered project: the portfolio's unit of governance. {@code rag} is the overall RAG of its latest status report
 * ({@code ragAsOf} the date that report holds for; null before the first report).
 */
public record Project(
    long id,
    String code,
    String name,
    String description,
    String sponsor,
    String manager,
    String category,
    String strategicObjective,
    Stage stage,
    ProjectStatus status,
    Rag rag,
    LocalDate ragAsOf,
    LocalDate startDate,
    LocalDate finishDate,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    int rowVersion) {

  /** Running: active or on hold, and not closed. Only a running project takes new changes, risks and issues. */
  public boolean isRunning() {
    return (status == ProjectStatus.ACTIVE || status == ProjectStatus.ON_HOLD) && stage != Stage.CLOSED;
  }

  /** This project in another stage and status. */
  public Project with(Stage newStage, ProjectStatus newStatus) {
    return new Project(id, code, name, description, sponsor, manager, category, strategicObjective, newStage,
        newStatus, rag, ragAsOf, startDate, finishDate, createdAt, updatedAt, rowVersion);
  }

  /** This project with the RAG of its latest status report, as of that report's date. */
  public Project withRag(Rag newRag, LocalDate asOf) {
    return new Project(id, code, name, description, sponsor, manager, category, strategicObjective, stage, status,
        newRag, asOf, startDate, finishDate, createdAt, updatedAt, rowVersion);
  }

  /** Whether status reports are due for it: in execution, active (not on hold, closed or cancelled). */
  public boolean reportsStatus() {
    return stage == Stage.EXECUTION && status == ProjectStatus.ACTIVE;
  }

  /** This project with other planned dates (a new baseline). */
  public Project withDates(LocalDate start, LocalDate finish) {
    return new Project(id, code, name, description, sponsor, manager, category, strategicObjective, stage, status, rag,
        ragAsOf, start, finish, createdAt, updatedAt, rowVersion);
  }
}
