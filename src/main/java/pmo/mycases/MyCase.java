package pmo.mycases;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One case of the signed-in user as "my cases" lists it: what it is, which project, its status, and where it waits
 * (the open tasks of its process: the step, for whom, since when; empty once the case's process has ended or before
 * it reaches a person).
 *
 * @param role {@code raised} (the user raised or proposed it) or {@code owner} (the user owns it)
 * @param link the case on the REST API ({@code null} where the API has no page for one case)
 */
public record MyCase(String reference, String kind, String title, Long projectId, String projectCode,
    String projectName, String status, String role, OffsetDateTime raisedAt, String processInstanceId, String link,
    List<Waiting> waitsAt) {

  /**
   * An open task of the case: its name, whom it waits for (the assignee, else the candidate groups and users), since
   * when, and a Tasklist link when it is the user's own task.
   */
  public record Waiting(String task, String assignee, List<String> candidateGroups, List<String> candidateUsers,
      OffsetDateTime since, String tasklistLink) {
  }
}
