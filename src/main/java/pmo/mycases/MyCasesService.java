package pmo.mycases;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.ForbiddenActionException;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.engine.CurrentActor;
import pmo.platform.engine.OpenTasks;

/**
 * "My cases": what the signed-in user raised or owns, newest first, with where each waits. Everyone sees only their
 * own cases (the user comes from authentication, never from a parameter), so the read rule is the user's identity;
 * the case's open tasks are shown to its requester even when the task is not theirs to work. Two statements for the
 * cases and two for their open tasks per page, whatever its size.
 */
@Service
public class MyCasesService {

  private final MyCasesRepository cases;
  private final OpenTasks openTasks;
  private final CurrentActor actor;

  MyCasesService(MyCasesRepository cases, OpenTasks openTasks, CurrentActor actor) {
    this.cases = cases;
    this.openTasks = openTasks;
    this.actor = actor;
  }

  @Transactional(readOnly = true)
  public Page<MyCase> mine(PageRequest page) {
    String user = actor.id();
    if (user == null || CurrentActor.SYSTEM.equals(user)) {
      throw new ForbiddenActionException("my cases are those of a signed-in user");
    }
    List<MyCasesRepository.Row> rows = cases.page(user, page);
    Map<String, List<OpenTasks.OpenTask>> waiting = openTasks.of(rows.stream()
        .map(MyCasesRepository.Row::processInstanceId).filter(java.util.Objects::nonNull).distinct().toList());
    List<MyCase> items = rows.stream().map(row -> new MyCase(row.kind().referencePrefix + row.id(),
        row.kind().label, row.title(), row.projectId(), row.projectCode(), row.projectName(), row.status(),
        row.role(), row.createdAt(), row.processInstanceId(),
        row.kind().apiPath == null ? null : row.kind().apiPath + row.id(),
        waiting.getOrDefault(row.processInstanceId(), List.of()).stream().map(task -> waits(task, user)).toList()))
        .toList();
    return Page.of(items, page, cases.count(user));
  }

  private static MyCase.Waiting waits(OpenTasks.OpenTask task, String user) {
    boolean mine = user.equals(task.assignee())
        || task.assignee() == null && task.candidateUsers().contains(user);
    return new MyCase.Waiting(task.name(), task.assignee(), task.candidateGroups(), task.candidateUsers(),
        task.since() == null ? null : task.since().atOffset(ZoneOffset.UTC),
        mine ? "/camunda/app/tasklist/default/#/?task=" + task.id() : null);
  }
}
