package pmo.portfolio.review;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.intake.PortfolioDecisions;
import pmo.notice.Letter;
import pmo.notice.NoticeService;
import pmo.notice.NoticeTexts;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.ConflictException;
import pmo.portfolio.PortfolioAudit;
import pmo.portfolio.ScoringService;
import pmo.portfolio.Subject;
import pmo.project.Project;
import pmo.project.ProjectService;
import pmo.project.ProjectStatus;

/**
 * Applies an approved round in one transaction: the project rows first, locked in id order (the lock order), then the
 * review; new scores recorded; stop cancels the project through the project registry's cancellation (which closes its
 * open risks, issues and change requests), pause puts it on hold, continue makes a project on hold active again;
 * approved proposals enter intake's registration, rejected ones get their rejection. A decision that no longer fits
 * (a project closed meanwhile) fails the whole round: nothing is half-applied. Notices are queued in the outbox.
 */
@Service
class ReviewApplier {

  static final String NOTICE_TYPE = "PORTFOLIO_REVIEW";

  private final ReviewRepository reviews;
  private final ProjectService projects;
  private final ScoringService scoring;
  private final PortfolioDecisions intake;
  private final NoticeService notices;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;
  private final NoticeTexts texts;

  ReviewApplier(ReviewRepository reviews, ProjectService projects, ScoringService scoring,
      PortfolioDecisions intake, NoticeService notices, JdbcClient jdbc, AuditLog audit, Clock clock,
      NoticeTexts texts) {
    this.texts = texts;
    this.reviews = reviews;
    this.projects = projects;
    this.scoring = scoring;
    this.intake = intake;
    this.notices = notices;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  void apply(long id) {
    ReviewRepository.Review found = reviews.find(id).orElseThrow();
    List<ReviewRepository.Decision> decisions = reviews.decisions(id, found.round());
    decisions.stream().filter(d -> "PROJECT".equals(d.subjectType())).map(ReviewRepository.Decision::subjectId)
        .sorted(Comparator.naturalOrder()).forEach(projects::lock);
    ReviewRepository.Review review = reviews.lock(id).orElseThrow();
    if (review.status() != ReviewStatus.APPROVED) {
      throw new ConflictException("portfolio review " + id + " is " + review.status() + ", not APPROVED");
    }
    String tag = "portfolio review " + id;
    for (ReviewRepository.Decision d : decisions) {
      Subject subject = new Subject(Subject.Kind.valueOf(d.subjectType()), d.subjectId());
      if (d.scores() != null) {
        scoring.score(subject, ScoringService.parse(d.scores()), "Scored in " + tag, ScoringService.Source.REVIEW,
            criterion -> "scores." + criterion);
      }
      if (subject.kind() == Subject.Kind.PROJECT) {
        applyToProject(d, tag);
      } else if ("APPROVE".equals(d.decision())) {
        intake.approve(d.subjectId(), d.projectManager(), d.plannedStart(),
            d.reason() == null ? "Approved in " + tag : d.reason());
      } else if ("REJECT".equals(d.decision())) {
        intake.reject(d.subjectId(), d.reason());
      }
      reviews.applied(d.id());
      audit.record(AuditEntry.created(PortfolioAudit.REVIEW_DECISION_APPLIED, d.id(),
          subject.kind() == Subject.Kind.PROJECT ? subject.id() : null, d));
    }
    reviews.status(id, ReviewStatus.APPLIED, OffsetDateTime.now(clock), "decisions applied");
    audit.record(AuditEntry.changed(PortfolioAudit.REVIEW_CLOSED, id, null, review, reviews.find(id).orElseThrow()));
    queueNotices(reviews.find(id).orElseThrow(), decisions);
  }

  private void applyToProject(ReviewRepository.Decision d, String tag) {
    Project project = projects.find(d.subjectId());
    if (!project.isRunning()) {
      throw new ConflictException(project.code() + " is " + project.status() + " now: the review's decisions no "
          + "longer fit; send the proposal back");
    }
    switch (ReviewDecisions.OnProject.valueOf(d.decision())) {
      case STOP -> projects.cancel(d.subjectId(), "Stopped in " + tag + ": " + d.reason());
      case PAUSE -> {
        if (project.status() == ProjectStatus.ACTIVE) {
          projects.putOnHold(d.subjectId());
        }
      }
      case CONTINUE -> {
        if (project.status() == ProjectStatus.ON_HOLD) {
          projects.resume(d.subjectId());
        }
      }
      case REPRIORITISE -> { }
    }
  }

  private void queueNotices(ReviewRepository.Review review, List<ReviewRepository.Decision> decisions) {
    Map<Locale, String> summaries = new HashMap<>();
    for (ReviewRepository.Decision d : decisions) {
      Set<String> to = new LinkedHashSet<>();
      Long projectId = null;
      if ("PROJECT".equals(d.subjectType())) {
        Project project = projects.find(d.subjectId());
        projectId = project.id();
        to.add(project.sponsor());
        if (project.manager() != null) {
          to.add(project.manager());
        }
      } else {
        jdbc.sql("select requester, sponsor from project_proposal where id = :id").param("id", d.subjectId())
            .query(rs -> {
              to.add(rs.getString("requester"));
              to.add(rs.getString("sponsor"));
            });
      }
      notices.queue(to, locale -> new Letter(
          texts.text(locale, "review.subject", review.id(), d.reference(), DecisionSummary.decision(d)),
          texts.text(locale, "review.decided", d.reference(), d.name(), DecisionSummary.decision(d))
              + (d.reason() == null ? "" : "\n" + texts.text(locale, "notice.reason", d.reason())) + "\n"
              + texts.text(locale, "review.approvedBy", review.approvedBy()) + "\n\n"
              + summaries.computeIfAbsent(locale, l -> DecisionSummary.of(review, decisions,
                  text -> texts.text(l, text)))),
          projectId, NOTICE_TYPE, review.id());
    }
  }

  int sendPending(long id) {
    return notices.sendPending(NOTICE_TYPE, id);
  }
}
