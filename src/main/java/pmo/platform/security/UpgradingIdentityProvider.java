package pmo.platform.security;

import java.util.function.Consumer;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's own user store, with two additions at the one place every password check passes (HTTP Basic, the
 * webapps' login, any other caller of {@code IdentityService.checkPassword}):
 * <ul>
 * <li>a stored hash that is not the current one (Camunda's SHA-512, or bcrypt of a lower cost) is replaced by the
 * current one when its user logs in with the right password, the only moment the password is known;</li>
 * <li>saving or deleting a user tells the {@link CredentialsCache} to forget that user's remembered logins, so a
 * changed password stops working over HTTP Basic at once.</li>
 * </ul>
 * The engine's login lock (attempts, lock expiration) is kept as the engine has it; config/application.yaml makes it
 * harmless, as the application's {@link LoginThrottle} replaces it.
 */
class UpgradingIdentityProvider extends DbIdentityServiceProvider {

  private final BcryptPasswordEncryptor current;
  private final Consumer<String> credentialsChanged;

  UpgradingIdentityProvider(BcryptPasswordEncryptor current, Consumer<String> credentialsChanged) {
    this.current = current;
    this.credentialsChanged = credentialsChanged;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    if (userId == null || userId.isEmpty() || password == null) {
      return false;
    }
    UserEntity user = findUserById(userId);
    if (user == null || isUserLocked(user)) {
      return false;
    }
    if (!matchPassword(password, user)) {
      lockUser(user);
      return false;
    }
    if (current.isCurrent(user.getPassword())) {
      unlockUser(user);
    } else {
      // a new salt and the current hash; the entity is written when the command ends. The engine's failed-attempt
      // count is reset at the next login instead of now: both updates check the same row revision, and only one of
      // them can win within one command.
      user.setPassword(password);
      user.encryptPassword();
    }
    return true;
  }

  @Override
  public IdentityOperationResult saveUser(User user) {
    credentialsChanged.accept(user.getId());
    return super.saveUser(user);
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    credentialsChanged.accept(userId);
    return super.deleteUser(userId);
  }
}
