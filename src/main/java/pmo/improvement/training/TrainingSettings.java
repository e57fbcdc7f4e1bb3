package pmo.improvement.training;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pmo.improvement.training.*} (config/application.yaml): the PMO's courses ({@code courses}: id, name, how many
 * months a completion counts, and whether the course belongs to the current standard, which a project manager must
 * hold to count as "trained in the current standard", the project fact managerTrained that scores a G1 should-meet
 * criterion); how long before a
 * completion expires its holder is reminded ({@code reminder-before}); when the expiry check runs ({@code
 * expiry-check}, a Quartz-style cron expression that processes/training-expiry.bpmn reads). Checked at start-up.
 */
@ConfigurationProperties("pmo.improvement.training")
record TrainingSettings(List<Course> courses, Duration reminderBefore, String expiryCheck) {

  /** One course: a completion counts {@code validityMonths} months; {@code standard} courses make "trained". */
  record Course(String id, String name, Integer validityMonths, Boolean standard) {

    boolean inStandard() {
      return Boolean.TRUE.equals(standard);
    }
  }

  TrainingSettings {
    courses = courses == null ? List.of() : List.copyOf(courses);
    reminderBefore = reminderBefore == null ? Duration.ofDays(30) : reminderBefore;
    expiryCheck = expiryCheck == null || expiryCheck.isBlank() ? "0 0 6 * * ?" : expiryCheck.trim();
    Set<String> ids = new HashSet<>();
    for (Course c : courses) {
      require(c.id() != null && c.id().matches("[A-Za-z][A-Za-z0-9_-]{0,39}") && ids.add(c.id()),
          "course id '" + c.id() + "' is not a unique id (letters, digits, - and _, at most 40)");
      require(c.name() != null && !c.name().isBlank() && c.name().length() <= 200,
          "course " + c.id() + " needs a name of at most 200 characters");
      require(c.validityMonths() != null && c.validityMonths() >= 1 && c.validityMonths() <= 120,
          "course " + c.id() + ": validity-months must be 1 to 120");
    }
    require(courses.isEmpty() || courses.stream().anyMatch(Course::inStandard),
        "at least one course must be marked standard: true (what \"trained in the current standard\" means)");
    require(!reminderBefore.isNegative() && !reminderBefore.isZero(), "reminder-before must be positive");
    require(expiryCheck.split("\\s+").length >= 6, "expiry-check must be a cron expression with seconds, such as"
        + " '0 0 6 * * ?', not '" + expiryCheck + "'");
  }

  Optional<Course> course(String id) {
    return courses.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  List<Course> standard() {
    return courses.stream().filter(Course::inStandard).toList();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException("pmo.improvement.training: " + message);
    }
  }
}
