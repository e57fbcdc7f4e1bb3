package pmo.platform.identity;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.AuditAction;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.InputErrors;
import pmo.platform.engine.CurrentActor;

/**
 * The signed-in user's language (README, "Languages and the webapps"): the one their notices are written in, kept as
 * their user info {@value Directory#LANGUAGE_KEY}. Choosing it is audited like every setting a user changes.
 */
@Service
class UserLanguages {

  /** The audit trail's name for a user choosing their language. */
  enum Audit implements AuditAction {
    USER_LANGUAGE_CHOSEN;

    @Override
    public String entityType() {
      return "USER";
    }
  }

  /** A user's language and the ones they may choose. */
  record Language(String language, List<String> available) {
  }

  private final Directory directory;
  private final CurrentActor actor;
  private final AuditLog audit;

  UserLanguages(Directory directory, CurrentActor actor, AuditLog audit) {
    this.directory = directory;
    this.actor = actor;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  Language mine() {
    return new Language(directory.languageTag(actor.id()), Directory.LANGUAGES);
  }

  /** Keeps the signed-in user's choice; anything but one of {@link Directory#LANGUAGES} is refused, nothing written. */
  @Transactional
  Language choose(String language) {
    new InputErrors().require(language != null && Directory.LANGUAGES.contains(language), "language",
        "must be one of " + String.join(", ", Directory.LANGUAGES) + ", not '" + language + "'").throwIfAny();
    String user = actor.id();
    String before = directory.languageTag(user);
    directory.setLanguage(user, language);
    audit.record(AuditEntry.changed(Audit.USER_LANGUAGE_CHOSEN, user, null, Map.of("language", before),
        Map.of("language", language)));
    return mine();
  }
}
