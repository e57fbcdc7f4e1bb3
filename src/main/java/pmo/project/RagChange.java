package pmo.project;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One entry of a project's RAG history: the RAG as of a date, what set it ({@code source}, such as
 * {@code STATUS_REPORT}, with its id), who and when.
 */
public record RagChange(Rag rag, LocalDate asOf, String source, Long sourceId, String recordedBy,
    OffsetDateTime recordedAt) {
}
