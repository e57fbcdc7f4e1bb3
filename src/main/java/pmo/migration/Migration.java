package pmo.migration;

import java.time.OffsetDateTime;
import java.util.List;

/** One executed migration, as {@code process_migration} keeps it: who moved how many instances from where to where. */
record Migration(long id, String processKey, String sourceDefinitionId, int sourceVersion, String targetDefinitionId,
    int targetVersion, List<Instruction> instructions, int instanceCount, String batchId, String executedBy,
    OffsetDateTime executedAt) {
}
