package pmo.improvement.training;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.ConflictException;
import pmo.platform.InputErrors;
import pmo.platform.engine.CurrentActor;
import pmo.platform.identity.Directory;

/**
 * Training in the PMO's standard: completions of the configured courses per person, recorded by the PMO one by one or
 * as a CSV upload (all lines or none), each counting for its course's validity. A completion in the future, for an
 * unknown person or course, or with an unreadable date is refused naming the field (and, in an upload, the line);
 * nothing is written then. Every completion is audited.
 */
@Service
public class TrainingService {

  /** The earliest completion date accepted (older records belong to no current standard). */
  static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

  /** What an upload did: completions created, lines already recorded (skipped), the created completions. */
  public record Upload(int created, int alreadyRecorded, List<Completion> completions) {
  }

  private final CompletionRepository completions;
  private final TrainingSettings settings;
  private final Directory directory;
  private final AuditLog audit;
  private final CurrentActor actor;
  private final Clock clock;

  TrainingService(CompletionRepository completions, TrainingSettings settings, Directory directory, AuditLog audit,
      CurrentActor actor, Clock clock) {
    this.completions = completions;
    this.settings = settings;
    this.directory = directory;
    this.audit = audit;
    this.actor = actor;
    this.clock = clock;
  }

  /** Records one completion; the same person, course and date twice is a conflict. */
  @Transactional
  public Completion record(NewCompletion completion) {
    InputErrors errors = new InputErrors();
    Checked checked = check(errors, "", completion);
    errors.throwIfAny();
    if (completions.exists(checked.person(), checked.courseId(), checked.completedOn())) {
      throw new ConflictException(checked.person() + " completed " + checked.courseId() + " on "
          + checked.completedOn() + " is already recorded");
    }
    return insert(checked, "REST");
  }

  /**
   * Records the lines of an upload, all or none: any bad line refuses the whole upload, each fault named
   * {@code lines[n].field} (n counts the file's lines, the header is line 1). A line already recorded (or repeated in
   * the upload) is skipped and counted.
   */
  @Transactional
  public Upload recordAll(List<TrainingCsv.Line> lines) {
    InputErrors errors = new InputErrors();
    errors.require(!lines.isEmpty(), "file", "has no completions (expected a header person,courseId,completedOn"
        + " and one line per completion)");
    List<Checked> checked = new ArrayList<>();
    for (TrainingCsv.Line line : lines) {
      checked.add(check(errors, "lines[" + line.number() + "].", line.completion()));
    }
    errors.throwIfAny();
    List<Completion> created = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int skipped = 0;
    for (Checked c : checked) {
      if (!seen.add(c.person() + "|" + c.courseId() + "|" + c.completedOn())
          || completions.exists(c.person(), c.courseId(), c.completedOn())) {
        skipped++;
        continue;
      }
      created.add(insert(c, "CSV"));
    }
    return new Upload(created.size(), skipped, created);
  }

  /** Whether the person holds, today, a valid completion of every course of the current standard. */
  @Transactional(readOnly = true)
  public boolean trainedInStandard(String person) {
    return person != null && completions.holdsAll(person,
        settings.standard().stream().map(TrainingSettings.Course::id).toList(), LocalDate.now(clock));
  }

  private record Checked(String person, String courseId, LocalDate completedOn, LocalDate expiresOn) {
  }

  private Checked check(InputErrors errors, String prefix, NewCompletion c) {
    String person = c.person() == null ? null : c.person().trim();
    if (person == null || person.isEmpty()) {
      errors.add(prefix + "person", "is required: the user id");
    } else if (!directory.userExists(person)) {
      errors.add(prefix + "person", "unknown user '" + person + "'");
    }
    String courseId = c.courseId() == null ? null : c.courseId().trim();
    var course = courseId == null ? java.util.Optional.<TrainingSettings.Course>empty() : settings.course(courseId);
    if (course.isEmpty()) {
      errors.add(prefix + "courseId", courseId == null || courseId.isEmpty() ? "is required"
          : "unknown course '" + courseId + "' (courses: " + String.join(", ",
              settings.courses().stream().map(TrainingSettings.Course::id).toList()) + ")");
    }
    LocalDate completedOn = null;
    if (c.completedOn() == null || c.completedOn().isBlank()) {
      errors.add(prefix + "completedOn", "is required: the date completed, YYYY-MM-DD");
    } else {
      try {
        completedOn = LocalDate.parse(c.completedOn().trim());
        LocalDate today = LocalDate.now(clock);
        if (completedOn.isAfter(today)) {
          errors.add(prefix + "completedOn", "must not be in the future (today is " + today + ")");
        } else if (completedOn.isBefore(EARLIEST)) {
          errors.add(prefix + "completedOn", "must not be before " + EARLIEST);
        }
      } catch (DateTimeParseException e) {
        errors.add(prefix + "completedOn", "must be a date as YYYY-MM-DD, not '" + c.completedOn() + "'");
      }
    }
    LocalDate expires = completedOn == null || course.isEmpty() ? null
        : completedOn.plusMonths(course.get().validityMonths());
    return new Checked(person, courseId, completedOn, expires);
  }

  private Completion insert(Checked c, String source) {
    long id = completions.insert(c.person(), c.courseId(), c.completedOn(), c.expiresOn(), source, actor.id(),
        OffsetDateTime.now(clock));
    Completion created = completions.find(id).orElseThrow();
    audit.record(AuditEntry.created(TrainingAudit.TRAINING_COMPLETION_RECORDED, id, null, created));
    return created;
  }
}
