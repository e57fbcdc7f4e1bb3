package pmo.knowledge;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.audit.AuditService;
import pmo.platform.AuditEntry;
import pmo.platform.InputErrors;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.engine.CurrentActor;
import pmo.project.ProjectSettings;

/**
 * The PMO's knowledge base of lessons learned: written at project closure, searched over REST, offered to new projects
 * of the same category. Lessons are never changed once written; each write is audited.
 */
@Service
public class KnowledgeService {

  static final String ENTITY = "LESSON";
  public static final int MAX_TEXT = 4000;
  static final int MAX_QUERY = 200;

  private final LessonRepository lessons;
  private final ProjectSettings projectSettings;
  private final AuditService audit;
  private final CurrentActor actor;
  private final Clock clock;

  KnowledgeService(LessonRepository lessons, ProjectSettings projectSettings, AuditService audit, CurrentActor actor,
      Clock clock) {
    this.lessons = lessons;
    this.projectSettings = projectSettings;
    this.audit = audit;
    this.actor = actor;
    this.clock = clock;
  }

  /** Writes lessons, authored by the current actor; all or none. Returns their ids in order. */
  @Transactional
  public List<Long> record(List<NewLesson> newLessons) {
    InputErrors errors = new InputErrors();
    for (NewLesson lesson : newLessons) {
      errors.requireText(lesson.text(), "text", MAX_TEXT);
      checkCategory(errors, lesson.category());
      Tags.check(errors, "tags", lesson.tags());
    }
    errors.throwIfAny();
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Long> ids = new ArrayList<>();
    for (NewLesson lesson : newLessons) {
      long id = lessons.insert(lesson, actor.id(), now);
      audit.record(AuditEntry.created(KnowledgeAudit.LESSON_RECORDED, id, lesson.projectId(), lessons.get(id)));
      ids.add(id);
    }
    return ids;
  }

  /**
   * Lessons matching the filters: with search text ranked by relevance on PostgreSQL (full-text search), newest first
   * otherwise.
   */
  @Transactional(readOnly = true)
  public Page<Lesson> search(LessonQuery query, PageRequest page) {
    InputErrors errors = new InputErrors();
    String q = blankToNull(query.q());
    errors.require(q == null || q.length() <= MAX_QUERY, "q", "must be at most " + MAX_QUERY + " characters");
    String category = blankToNull(query.category());
    if (category != null) {
      checkCategory(errors, category);
    }
    String tag = blankToNull(query.tag()) == null ? null : Tags.normalise(query.tag());
    if (tag != null) {
      Tags.check(errors, "tag", List.of(tag));
    }
    errors.require(query.projectId() == null || query.projectId() > 0, "projectId", "must be a positive id");
    errors.require(q == null || page.after() == null || !lessons.fullTextSearch(), "after",
        "cannot be used with q: search results are ranked by relevance; page through them with page");
    errors.throwIfAny();
    return lessons.search(new LessonQuery(q, category, tag, query.projectId()), page);
  }

  /** One lesson, if it exists (an improvement proposal names the lessons it came from). */
  @Transactional(readOnly = true)
  public java.util.Optional<Lesson> find(long id) {
    return lessons.find(id);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  /** The newest lessons of other projects in a category: what a new project of that category should read first. */
  @Transactional(readOnly = true)
  public List<Lesson> offeredTo(long projectId, String category, int limit) {
    return limit <= 0 ? List.of() : lessons.newestOfCategory(category, projectId, limit);
  }

  private void checkCategory(InputErrors errors, String category) {
    if (category == null || !projectSettings.categories().contains(category)) {
      errors.add("category", "must be one of " + projectSettings.categories());
    }
  }
}
