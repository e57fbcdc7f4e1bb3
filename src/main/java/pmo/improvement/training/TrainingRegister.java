package pmo.improvement.training;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.InputErrors;
import pmo.platform.NotFoundException;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.Roles;
import pmo.platform.SqlFilter;
import pmo.platform.Viewer;

/**
 * Reading training: the courses, completions (filtered, paged), and one person's standing per course. The PMO and
 * auditors read everybody's; everybody else their own (someone else's standing answers 404).
 */
@Service
public class TrainingRegister {

  static final Set<String> READ_ALL = Set.of(Roles.PMO, Roles.AUDITORS);

  /** A course as the API shows it. */
  public record CourseInfo(String id, String name, int validityMonths, boolean standard) {
  }

  /** One person's standing in one course: the latest completion, until when it counts, whether it counts today. */
  public record CourseStanding(String courseId, String name, boolean standard, LocalDate completedOn,
      LocalDate expiresOn, boolean valid) {
  }

  /** One person's training: trained in the current standard (every standard course valid today), and per course. */
  public record PersonTraining(String person, boolean trainedInStandard, List<CourseStanding> courses,
      List<Completion> completions) {
  }

  private final CompletionRepository completions;
  private final TrainingSettings settings;
  private final TrainingService training;
  private final Clock clock;

  TrainingRegister(CompletionRepository completions, TrainingSettings settings, TrainingService training,
      Clock clock) {
    this.completions = completions;
    this.settings = settings;
    this.training = training;
    this.clock = clock;
  }

  public List<CourseInfo> courses() {
    return settings.courses().stream().map(c -> new CourseInfo(c.id(), c.name(), c.validityMonths(), c.inStandard()))
        .toList();
  }

  @Transactional(readOnly = true)
  public PersonTraining person(String person, Viewer viewer) {
    if (!viewer.inAny(READ_ALL) && !viewer.id().equals(person)) {
      throw NotFoundException.notVisible("training of", person);
    }
    LocalDate today = LocalDate.now(clock);
    List<Completion> all = completions.of(person);
    List<CourseStanding> standings = new ArrayList<>();
    for (TrainingSettings.Course course : settings.courses()) {
      Completion latest = all.stream().filter(c -> c.courseId().equals(course.id()))
          .max(java.util.Comparator.comparing(Completion::expiresOn)).orElse(null);
      standings.add(new CourseStanding(course.id(), course.name(), course.inStandard(),
          latest == null ? null : latest.completedOn(), latest == null ? null : latest.expiresOn(),
          latest != null && latest.validOn(today)));
    }
    return new PersonTraining(person, training.trainedInStandard(person), standings, all);
  }

  /** Completions by person, course, and expiring before a date, soonest expiry first; only those readable. */
  @Transactional(readOnly = true)
  public Page<Completion> list(String person, String courseId, String expiringBefore, PageRequest page,
      Viewer viewer) {
    LocalDate before = null;
    if (expiringBefore != null && !expiringBefore.isBlank()) {
      try {
        before = LocalDate.parse(expiringBefore.trim());
      } catch (java.time.format.DateTimeParseException e) {
        new InputErrors().add("expiringBefore", "must be a date as YYYY-MM-DD, not '" + expiringBefore + "'")
            .throwIfAny();
      }
    }
    SqlFilter filter = new SqlFilter()
        .and("person = :person", "person", person == null || person.isBlank() ? null : person.trim())
        .and("course_id = :course", "course", courseId == null || courseId.isBlank() ? null : courseId.trim())
        .and("expires_on < :before", "before", before);
    if (!viewer.inAny(READ_ALL)) {
      filter.and("person = :viewer", "viewer", viewer.id());
    }
    return completions.list(filter, page);
  }
}
