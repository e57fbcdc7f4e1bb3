package pmo.project;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A registered project: the portfolio's unit of governance. */
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
    LocalDate startDate,
    LocalDate finishDate,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    int rowVersion) {
}
