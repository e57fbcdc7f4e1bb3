package pmo.platform.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Passwords hashed with bcrypt ({@link BcryptPasswordEncryptor}, stored as {@code {BCRYPT}...}) instead of Camunda's
 * single salted SHA-512, and the engine's user store replaced by {@link UpgradingIdentityProvider}, which re-hashes an
 * older hash at its user's next login.
 *
 * <p>Hashes written before keep verifying: the engine's password manager always knows its own SHA-1 and SHA-512
 * ({@code {SHA}}, {@code {SHA-512}}) besides the configured encryptor, and refuses a second checker of the same name,
 * so no custom password checker is added for them.
 */
@Component
class PasswordHashingPlugin extends AbstractProcessEnginePlugin {

  private final BcryptPasswordEncryptor encryptor;
  private final CredentialsCache credentials;

  PasswordHashingPlugin(AccountSettings settings, CredentialsCache credentials) {
    this.encryptor = new BcryptPasswordEncryptor(settings.bcryptStrength());
    this.credentials = credentials;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setPasswordEncryptor(encryptor);
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return UpgradingIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new UpgradingIdentityProvider(encryptor, credentials::forget);
      }
    });
  }
}
