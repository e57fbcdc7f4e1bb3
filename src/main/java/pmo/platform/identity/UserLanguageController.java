package pmo.platform.identity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/me/language}: the signed-in user reads and chooses the language of their notices; nobody else's. */
@RestController
@RequestMapping("/api/me/language")
class UserLanguageController {

  /** What {@code PUT} takes. */
  record Choice(String language) {
  }

  private final UserLanguages languages;

  UserLanguageController(UserLanguages languages) {
    this.languages = languages;
  }

  @GetMapping
  UserLanguages.Language mine() {
    return languages.mine();
  }

  @PutMapping
  UserLanguages.Language choose(@RequestBody Choice choice) {
    return languages.choose(choice.language());
  }
}
