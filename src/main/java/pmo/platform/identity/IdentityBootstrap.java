package pmo.platform.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.query.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import pmo.platform.Roles;
import pmo.platform.engine.Tasklist;

/**
 * Makes sure, at every start and in every profile, that the role groups exist with their authorizations and that each
 * group has its Tasklist filter. Idempotent: a permission already granted is not granted twice. Users are not created
 * here: the demo profile brings demo users, production brings its own directory.
 */
@Component
@Order(0)
class IdentityBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;

  IdentityBootstrap(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensureGroups(identity);
    for (String staff : Roles.STAFF) {
      grant(staff, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(staff, Resources.USER, "*", Permissions.READ);
      grant(staff, Resources.GROUP, "*", Permissions.READ);
      grant(staff, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
    }
    Roles.STARTABLE.forEach((group, keys) -> {
      for (String key : keys) {
        grant(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.CREATE_INSTANCE);
      }
      grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    });
    // earlier versions let the PMO start every process, internal ones included
    revoke(Roles.PMO, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(Roles.PMO, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Roles.PMO, Resources.PROCESS_DEFINITION, "*", Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
    grant(Roles.PMO, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    grant(Roles.PMO, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);

    grantAuditors();
    grantProcessOwners();
    ensureFilters();
  }

  /**
   * Creates the role groups that are missing. Called when the engine is built, before the start-up deployment, whose
   * guard checks that every candidate group exists.
   */
  static void ensureGroups(IdentityService identity) {
    for (Roles.Group role : Roles.ALL) {
      if (identity.createGroupQuery().groupId(role.id()).count() == 0) {
        Group group = identity.newGroup(role.id());
        group.setName(role.name());
        group.setType(Roles.ADMIN.equals(role.id()) ? "SYSTEM" : "WORKFLOW");
        identity.saveGroup(group);
        log.info("created group {}", role.id());
      }
    }
  }

  /** Auditors read everything the engine keeps, running and finished, and change nothing. */
  private void grantAuditors() {
    String g = Roles.AUDITORS;
    grant(g, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(g, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
        ProcessDefinitionPermissions.READ_TASK_VARIABLE);
    grant(g, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    grant(g, Resources.TASK, "*", Permissions.READ);
    grant(g, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
    grant(g, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
    grant(g, Resources.DEPLOYMENT, "*", Permissions.READ);
    grant(g, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
    grant(g, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
    grant(g, Resources.OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ);
    grant(g, Resources.USER, "*", Permissions.READ);
    grant(g, Resources.GROUP, "*", Permissions.READ);
  }

  /**
   * Process owners deploy BPMN, DMN and forms (Camunda Modeler) and read what is deployed; they work their tasks of the
   * standards review and the improvement proposals they implement in Tasklist.
   */
  private void grantProcessOwners() {
    String g = Roles.PROCESS_OWNERS;
    grant(g, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(g, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ);
    grant(g, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE);
    grant(g, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    grant(g, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
    grant(g, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
  }

  private void ensureFilters() {
    // process owners work tasks too (standards reviews, the improvement proposals they implement)
    List<String> workers = java.util.stream.Stream.concat(Roles.STAFF.stream(),
        java.util.stream.Stream.of(Roles.PROCESS_OWNERS)).toList();
    filter("My tasks", -10, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), workers);
    filter("Tasks I can claim", -5, tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}"),
        workers);
    for (String group : workers) {
      Roles.Group role = Roles.ALL.stream().filter(r -> r.id().equals(group)).findFirst().orElseThrow();
      filter(role.name(), 0, tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks(),
          java.util.List.of(group));
    }
  }

  private void filter(String name, int priority, Query<?, ?> query, java.util.List<String> readers) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
      filter.setQuery((org.camunda.bpm.engine.task.TaskQuery) query);
    }
    // every process keeps a short "subject" variable (what the case is about); the task cards show it
    filter.setProperties(Map.of("priority", priority, "description", "Tasks for " + readers, "refresh", true,
        "variables", java.util.List.of(Map.of("name", Tasklist.SUBJECT.name(), "label", "Subject"))));
    filters.saveFilter(filter);
    String id = filter.getId();
    readers.forEach(group -> grant(group, Resources.FILTER, id, Permissions.READ));
  }

  private void revoke(String group, Resource resource, String resourceId, Permission permission) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource).resourceId(resourceId)
        .singleResult();
    if (existing != null && existing.isPermissionGranted(permission)) {
      existing.removePermission(permission);
      authorizations.saveAuthorization(existing);
      log.info("revoked {} on {} {} from {}", permission.getName(), resource.resourceName(), resourceId, group);
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource).resourceId(resourceId)
        .singleResult();
    Authorization authorization = existing;
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
