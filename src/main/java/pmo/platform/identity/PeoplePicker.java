package pmo.platform.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import pmo.platform.Roles;
import pmo.platform.Viewer;
import pmo.platform.engine.FormOptions;
import pmo.platform.engine.SystemActions;

/**
 * The people pickers of the forms, by role: {@code staff} (any member of staff: risk and issue owners),
 * {@code projectManagers} and {@code sponsors} (the steering committee), each labelled "Full Name (id)" and ordered by
 * name, at most {@link FormOptions#LIMIT}. Read from the engine's identity service as the system (staff may not list
 * users themselves); the value is the user id, as the process and the REST API take it.
 */
@Component
class PeoplePicker implements FormOptions {

  static final Map<String, String> GROUP_OF_KEY = Map.of(
      "staff", Roles.REQUESTERS,
      "projectManagers", Roles.PROJECT_MANAGERS,
      "sponsors", Roles.STEERING_COMMITTEE);

  private final IdentityService identity;
  private final SystemActions system;

  PeoplePicker(IdentityService identity, SystemActions system) {
    this.identity = identity;
    this.system = system;
  }

  @Override
  public Set<String> keys() {
    return GROUP_OF_KEY.keySet();
  }

  @Override
  public List<Option> options(String key, Viewer user) {
    return system.call(() -> identity.createUserQuery().memberOfGroup(GROUP_OF_KEY.get(key))
        .orderByUserLastName().asc().orderByUserFirstName().asc().orderByUserId().asc()
        .listPage(0, LIMIT)).stream().map(PeoplePicker::option).toList();
  }

  @Override
  public Optional<Option> option(String key, Object value) {
    User user = system.call(() -> identity.createUserQuery().userId(String.valueOf(value)).singleResult());
    return Optional.ofNullable(user).map(PeoplePicker::option);
  }

  private static Option option(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return new Option(name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")", user.getId());
  }
}
