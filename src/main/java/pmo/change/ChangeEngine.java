package pmo.change;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import pmo.platform.engine.SystemActions;
import pmo.platform.identity.Directory;

/**
 * The engine look-ups and actions of change control that are the system's, not the current user's: the open approval
 * tasks of a case and who they wait for, ending a case's process. They run without the
 * caller's authorizations (a requester cancelling nothing, a timer job with no user).
 */
@Component
class ChangeEngine {

  private final Directory directory;
  private final TaskService tasks;
  private final SystemActions system;

  ChangeEngine(Directory directory, TaskService tasks, SystemActions system) {
    this.directory = directory;
    this.tasks = tasks;
    this.system = system;
  }

  /** The open tasks of the approval steps that have deadlines, in one process instance. */
  List<Task> openApprovalTasks(String processInstanceId) {
    String[] keys = ApprovalStage.WITH_DEADLINES.stream().map(s -> s.taskKey).toArray(String[]::new);
    return asSystem(() -> tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKeyIn(keys)
        .orderByTaskCreateTime().asc().unlimitedList());
  }

  /** Who can act on a task: its assignee, else its candidate users and the members of its candidate groups. */
  Set<String> actorsOf(Task task) {
    if (task.getAssignee() != null) {
      return Set.of(task.getAssignee());
    }
    return asSystem(() -> {
      Set<String> users = new LinkedHashSet<>();
      tasks.getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
          .forEach(link -> {
            if (link.getUserId() != null) {
              users.add(link.getUserId());
            } else if (link.getGroupId() != null) {
              users.addAll(directory.membersOf(link.getGroupId()));
            }
          });
      return users;
    });
  }

  Set<String> actorsOf(Collection<Task> open) {
    Set<String> users = new LinkedHashSet<>();
    open.forEach(task -> users.addAll(actorsOf(task)));
    return users;
  }

  /** Ends a case's process instance (if it still runs) with the reason, which the history keeps. */
  void endProcess(String processInstanceId, String reason) {
    system.endProcess(processInstanceId, reason);
  }

  private <T> T asSystem(Callable<T> call) {
    return system.call(call);
  }
}
