package pmo.project;

import java.util.Map;

/**
 * Facts about one project that a capability contributes for decisions about the whole project, such as the
 * must-meet criteria of a gate review ({@code openCriticalRisksWithoutResponse}, {@code openChangeRequests} ...).
 * Each capability that keeps project data implements it as a Spring bean; the consumer merges all sources.
 * Fact names are camelCase and unique across sources; values are numbers, booleans or strings.
 */
public interface ProjectFactSource {

  Map<String, Object> factsFor(long projectId);
}
