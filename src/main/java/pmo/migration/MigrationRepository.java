package pmo.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import pmo.platform.PageRequest;

/** The tables of V160: executed migrations and their instances. */
@Repository
class MigrationRepository {

  private static final TypeReference<List<Instruction>> INSTRUCTIONS = new TypeReference<>() {
  };

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  MigrationRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  long insert(Migration m, List<String> instances) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into process_migration (process_key, source_definition_id, source_version, target_definition_id,
                target_version, instructions, instance_count, batch_id, executed_by, executed_at)
            values (:key, :sourceId, :sourceVersion, :targetId, :targetVersion, :instructions, :count, :batch, :by,
                :at)""")
        .param("key", m.processKey()).param("sourceId", m.sourceDefinitionId())
        .param("sourceVersion", m.sourceVersion()).param("targetId", m.targetDefinitionId())
        .param("targetVersion", m.targetVersion()).param("instructions", write(m.instructions()))
        .param("count", m.instanceCount()).param("batch", m.batchId()).param("by", m.executedBy())
        .param("at", m.executedAt())
        .update(keys, "id");
    long id = keys.getKey().longValue();
    for (String instance : instances) {
      jdbc.sql("insert into process_migration_instance (migration_id, process_instance_id) values (:id, :pi)")
          .param("id", id).param("pi", instance).update();
    }
    return id;
  }

  Optional<Migration> find(long id) {
    return jdbc.sql("select * from process_migration where id = :id").param("id", id).query(this::row).optional();
  }

  List<String> instancesOf(long id) {
    return jdbc.sql("select process_instance_id from process_migration_instance where migration_id = :id order by 1")
        .param("id", id).query(String.class).list();
  }

  /** Newest first, optionally of one process. */
  List<Migration> page(String processKey, PageRequest page) {
    var sql = jdbc.sql("select * from process_migration" + where(processKey)
        + " order by id desc limit :limit offset :offset")
        .param("limit", page.size()).param("offset", page.offset());
    return (processKey == null ? sql : sql.param("key", processKey)).query(this::row).list();
  }

  long count(String processKey) {
    var sql = jdbc.sql("select count(*) from process_migration" + where(processKey));
    return (processKey == null ? sql : sql.param("key", processKey)).query(Long.class).single();
  }

  private static String where(String processKey) {
    return processKey == null ? "" : " where process_key = :key";
  }

  private Migration row(ResultSet rs, int n) throws SQLException {
    return new Migration(rs.getLong("id"), rs.getString("process_key"), rs.getString("source_definition_id"),
        rs.getInt("source_version"), rs.getString("target_definition_id"), rs.getInt("target_version"),
        read(rs.getString("instructions")), rs.getInt("instance_count"), rs.getString("batch_id"),
        rs.getString("executed_by"), rs.getObject("executed_at", OffsetDateTime.class));
  }

  private String write(List<Instruction> instructions) {
    try {
      return json.writeValueAsString(instructions);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Instruction> read(String text) {
    try {
      return json.readValue(text, INSTRUCTIONS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("process_migration.instructions is not JSON", e);
    }
  }
}
