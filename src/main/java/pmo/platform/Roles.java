package pmo.platform;

import java.util.List;
import java.util.Map;

/** The groups of the README's demo logins and "Who may start what". Their ids are the candidate groups of the BPMN and the authorities of the REST API. */
public final class Roles {

  public static final String REQUESTERS = "requesters";
  public static final String PROJECT_MANAGERS = "project-managers";
  public static final String PMO = "pmo";
  public static final String CHANGE_BOARD = "change-board";
  public static final String STEERING_COMMITTEE = "steering-committee";
  public static final String AUDITORS = "auditors";
  public static final String PROCESS_OWNERS = "process-owners";
  public static final String ADMIN = "camunda-admin";

  /** Groups whose members work tasks in Tasklist. */
  public static final List<String> STAFF = List.of(REQUESTERS, PROJECT_MANAGERS, PMO, CHANGE_BOARD, STEERING_COMMITTEE);

  public static final List<Group> ALL = List.of(
      new Group(REQUESTERS, "Requesters (all staff)"),
      new Group(PROJECT_MANAGERS, "Project managers"),
      new Group(PMO, "Project management office"),
      new Group(CHANGE_BOARD, "Change board"),
      new Group(STEERING_COMMITTEE, "Steering committee"),
      new Group(AUDITORS, "Auditors"),
      new Group(PROCESS_OWNERS, "Process owners"),
      new Group(ADMIN, "Administrators"));

  /**
   * The processes each group may start itself, from Tasklist or REST (process definition keys). Every other process
   * (the project lifecycle, gate reviews, anything started from Java) is internal: the system starts it, and nobody
   * else can, administrators aside.
   */
  public static final Map<String, List<String>> STARTABLE = Map.of(
      REQUESTERS, List.of("project-intake", "change-request", "risk-escalation", "issue-escalation",
          "improvement-proposal"),
      PMO, List.of("standards-review", "portfolio-review"));

  public record Group(String id, String name) {
  }

  private Roles() {
  }
}
