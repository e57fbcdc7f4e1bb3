package pmo.audit;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The timeline's names of process definitions ("Change request v2") by definition id, so each row says the version its
 * step ran on: a migrated instance's finished steps keep the version they ran on, its start the version it started
 * on. The definitions of the instances come with them; the others (a migrated instance's earlier version) are read in
 * one query per timeline page, never one per row.
 */
final class DefinitionLabels {

  private final Map<String, String> labels = new HashMap<>();
  private final Map<String, Integer> versions = new HashMap<>();

  void put(String definitionId, String nameOrKey, Integer version) {
    if (definitionId != null && version != null) {
      labels.putIfAbsent(definitionId, nameOrKey + " v" + version);
      versions.putIfAbsent(definitionId, version);
    }
  }

  /** Reads the definitions among {@code ids} not known yet, in one query. */
  void resolve(Collection<String> ids, RepositoryService repository) {
    Set<String> missing = ids.stream().filter(id -> id != null && !labels.containsKey(id))
        .collect(Collectors.toSet());
    if (!missing.isEmpty()) {
      for (ProcessDefinition d : repository.createProcessDefinitionQuery()
          .processDefinitionIdIn(missing.toArray(String[]::new)).unlimitedList()) {
        put(d.getId(), d.getName() != null ? d.getName() : d.getKey(), d.getVersion());
      }
    }
  }

  String label(String definitionId) {
    return definitionId == null ? null : labels.get(definitionId);
  }

  Integer version(String definitionId) {
    return definitionId == null ? null : versions.get(definitionId);
  }
}
