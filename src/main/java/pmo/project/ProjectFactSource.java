package pmo.project;

/**
 * A capability that keeps data about projects and adds what it knows to a project's {@link ProjectFacts} (risks and
 * issues their counts, change control its open requests, the stage-gate lifecycle the deliverables and the baseline).
 * Each is a Spring bean; the consumer folds them over {@link ProjectFacts#NONE}.
 */
public interface ProjectFactSource {

  ProjectFacts addTo(ProjectFacts facts, long projectId);
}
