package pmo.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.springframework.stereotype.Component;

/**
 * The processes and their versions for the migration page, with the instances running on each version: one
 * statistics query of the engine, as the signed-in user.
 */
@Component
class ProcessVersions {

  private final ManagementService management;

  ProcessVersions(ManagementService management) {
    this.management = management;
  }

  record Process(String key, String name, List<Version> versions) {
  }

  record Version(int version, String definitionId, String versionTag, int instances) {
  }

  List<Process> all() {
    Map<String, Process> byKey = new LinkedHashMap<>();
    List<ProcessDefinitionStatistics> statistics = new ArrayList<>(management.createProcessDefinitionStatisticsQuery()
        .listPage(0, MigrationPlanner.MAX_INSTANCES));
    statistics.sort(java.util.Comparator.comparing(ProcessDefinitionStatistics::getKey)
        .thenComparing(ProcessDefinitionStatistics::getVersion));
    for (ProcessDefinitionStatistics d : statistics) {
      Process process = byKey.computeIfAbsent(d.getKey(), k -> new Process(k, d.getName(), new ArrayList<>()));
      process.versions().add(new Version(d.getVersion(), d.getId(), d.getVersionTag(), d.getInstances()));
    }
    return List.copyOf(byKey.values());
  }
}
