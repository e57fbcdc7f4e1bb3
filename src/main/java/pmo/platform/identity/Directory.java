package pmo.platform.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import pmo.platform.InputErrors;
import pmo.platform.engine.SystemActions;

/**
 * Look-ups in the engine's identity service for validation: does this user exist, is it in that group. They are the
 * system's checks, not the caller's reads, so they run without the caller's authorizations.
 */
@Component
public class Directory {

  private final IdentityService identityService;
  private final SystemActions system;

  public Directory(IdentityService identityService, SystemActions system) {
    this.identityService = identityService;
    this.system = system;
  }

  public boolean userExists(String userId) {
    return userId != null && !userId.isBlank()
        && asSystem(() -> identityService.createUserQuery().userId(userId).count()) > 0;
  }

  public boolean isMember(String userId, String groupId) {
    return userId != null && !userId.isBlank()
        && asSystem(() -> identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count()) > 0;
  }

  public boolean groupExists(String groupId) {
    return groupId != null && asSystem(() -> identityService.createGroupQuery().groupId(groupId).count()) > 0;
  }

  /** A user's groups; a bounded list, read past the engine's query limit (which guards what users ask for). */
  public List<String> groupsOf(String userId) {
    return asSystem(() -> identityService.createGroupQuery().groupMember(userId).unlimitedList().stream()
        .map(g -> g.getId()).toList());
  }

  /**
   * The members of a group, by id (unlimited: the system asks, to notify them; the query limit guards users' queries).
   */
  public List<String> membersOf(String groupId) {
    return asSystem(() -> identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc()
        .unlimitedList().stream().map(User::getId).toList());
  }

  public String email(String userId) {
    User user = asSystem(() -> identityService.createUserQuery().userId(userId).singleResult());
    return user == null ? null : user.getEmail();
  }

  /** Checks that {@code userId} names an existing user, optionally in a group, and adds a field error if not. */
  public void checkUser(InputErrors errors, String field, String userId, String requiredGroup) {
    if (userId == null || userId.isBlank()) {
      errors.add(field, "is required");
    } else if (!userExists(userId)) {
      errors.add(field, "unknown user '" + userId + "'");
    } else if (requiredGroup != null && !isMember(userId, requiredGroup)) {
      errors.add(field, "user '" + userId + "' is not in group " + requiredGroup);
    }
  }

  private <T> T asSystem(java.util.concurrent.Callable<T> query) {
    return system.call(query);
  }
}
