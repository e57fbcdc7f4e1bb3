package pmo.platform.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: the demo users of config/application-demo.yaml, one or two per group, password "demo", and the
 * language each reads, where the file gives one ({@code language: zh-CN}) and the user has chosen none yet.
 */
@Component
@Profile("demo")
@Order(1)
@EnableConfigurationProperties(DemoUsers.Settings.class)
class DemoUsers implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  @ConfigurationProperties("pmo.demo")
  record Settings(String password, List<DemoUser> users) {
  }

  record DemoUser(String id, String firstName, String lastName, List<String> groups, String language) {

    DemoUser {
      if (language != null && !Directory.LANGUAGES.contains(language)) {
        throw new IllegalArgumentException("demo user " + id + ": language must be one of " + Directory.LANGUAGES
            + ", not " + language);
      }
    }
  }

  private final IdentityService identity;
  private final Settings settings;

  DemoUsers(IdentityService identity, Settings settings) {
    this.identity = identity;
    this.settings = settings;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (settings.users() == null) {
      return;
    }
    for (DemoUser demo : settings.users()) {
      if (identity.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@pmo.example");
        user.setPassword(settings.password());
        identity.saveUser(user);
        demo.groups().forEach(group -> identity.createMembership(demo.id(), group));
        log.info("created demo user {} in {}", demo.id(), demo.groups());
      }
      if (demo.language() != null && identity.getUserInfo(demo.id(), Directory.LANGUAGE_KEY) == null) {
        identity.setUserInfo(demo.id(), Directory.LANGUAGE_KEY, demo.language());
      }
    }
  }
}
