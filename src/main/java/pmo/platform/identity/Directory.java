package pmo.platform.identity;

import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import pmo.platform.InputErrors;
import pmo.platform.engine.SystemActions;

/**
 * Look-ups in the engine's identity service for validation: does this user exist, is it in that group. They are the
 * system's checks, not the caller's reads, so they run without the caller's authorizations.
 */
@Component
public class Directory {

  /** The user info key (table ACT_ID_INFO) that keeps a user's language. */
  public static final String LANGUAGE_KEY = "pmo.language";
  /** The languages a user may choose, as language tags. */
  public static final List<String> LANGUAGES = List.of("en", "zh-CN");

  private final IdentityService identityService;
  private final SystemActions system;
  private final String defaultLanguage;

  public Directory(IdentityService identityService, SystemActions system,
      @Value("${pmo.notice.default-language:en}") String defaultLanguage) {
    this.identityService = identityService;
    this.system = system;
    if (!LANGUAGES.contains(defaultLanguage)) {
      throw new IllegalArgumentException("pmo.notice.default-language must be one of " + LANGUAGES + ", was '"
          + defaultLanguage + "'");
    }
    this.defaultLanguage = defaultLanguage;
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

  /**
   * The language a user reads (their notices are written in it): the one they chose ({@link #LANGUAGE_KEY}), else the
   * configured default {@code pmo.notice.default-language}.
   */
  public Locale language(String userId) {
    return Locale.forLanguageTag(languageTag(userId));
  }

  /** {@link #language} as its tag, one of {@link #LANGUAGES}. */
  public String languageTag(String userId) {
    String chosen = userId == null ? null : asSystem(() -> identityService.getUserInfo(userId, LANGUAGE_KEY));
    return chosen != null && LANGUAGES.contains(chosen) ? chosen : defaultLanguage;
  }

  /** Keeps the language a user chose; the caller checked that it is one of {@link #LANGUAGES}. */
  public void setLanguage(String userId, String languageTag) {
    if (!LANGUAGES.contains(languageTag)) {
      throw new IllegalArgumentException("no language " + languageTag + ": one of " + LANGUAGES);
    }
    system.call(() -> {
      identityService.setUserInfo(userId, LANGUAGE_KEY, languageTag);
      return null;
    });
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
