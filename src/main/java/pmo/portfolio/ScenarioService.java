package pmo.portfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.platform.AuditEntry;
import pmo.platform.AuditLog;
import pmo.platform.ConflictException;
import pmo.platform.InputErrors;
import pmo.platform.NotFoundException;
import pmo.platform.Page;
import pmo.platform.PageRequest;
import pmo.platform.engine.CurrentActor;

/**
 * What-if scenarios: saved with their parameters, the inputs they ran on and their result; re-run on today's data;
 * compared side by side; and one committed (one at a time), for the next portfolio review to take up as the PMO's
 * proposal. Audited.
 */
@Service
public class ScenarioService {

  private final ScenarioRepository scenarios;
  private final WhatIfService whatIf;
  private final ObjectMapper json;
  private final AuditLog audit;
  private final CurrentActor actor;
  private final Clock clock;

  ScenarioService(ScenarioRepository scenarios, WhatIfService whatIf, ObjectMapper json, AuditLog audit,
      CurrentActor actor, Clock clock) {
    this.scenarios = scenarios;
    this.whatIf = whatIf;
    this.json = json;
    this.audit = audit;
    this.actor = actor;
    this.clock = clock;
  }

  /** A scenario with its parameters and result. */
  public record Scenario(long id, String name, WhatIfRequest parameters, WhatIfResult result, int runs,
      String createdBy, OffsetDateTime createdAt, String runBy, OffsetDateTime runAt, String committedBy,
      OffsetDateTime committedAt, Long reviewId) {
  }

  private record Audited(long id, String name, WhatIfRequest parameters, String status, double objective,
      List<String> chosen) {
  }

  @Transactional
  public Scenario save(WhatIfRequest request) {
    new InputErrors().requireText(request.name(), "name", 200).throwIfAny();
    WhatIfResult result = whatIf.run(request);
    long id = scenarios.insert(request.name().trim(), write(request), write(result.candidates()), write(result),
        result.objective(), result.status(), actor.id(), OffsetDateTime.now(clock));
    Scenario saved = get(id);
    audit.record(AuditEntry.created(PortfolioAudit.SCENARIO_SAVED, id, null, audited(saved)));
    return saved;
  }

  /** Runs a scenario again with the same parameters on today's data. */
  @Transactional
  public Scenario rerun(long id) {
    Scenario before = get(scenarios.lock(id).orElseThrow(() -> new NotFoundException("scenario", id)).id());
    WhatIfResult result = whatIf.run(before.parameters());
    scenarios.rerun(id, write(result.candidates()), write(result), result.objective(), result.status(), actor.id(),
        OffsetDateTime.now(clock));
    Scenario after = get(id);
    audit.record(AuditEntry.changed(PortfolioAudit.SCENARIO_RERUN, id, null, audited(before), audited(after)));
    return after;
  }

  /** Commits a scenario: it becomes the PMO's proposal in the next portfolio review (one at a time). */
  @Transactional
  public Scenario commit(long id) {
    ScenarioRepository.Row row = scenarios.lock(id).orElseThrow(() -> new NotFoundException("scenario", id));
    if (row.reviewId() != null) {
      throw new ConflictException("scenario " + id + " was already taken up by portfolio review " + row.reviewId());
    }
    if ("INFEASIBLE".equals(row.status())) {
      throw new ConflictException("scenario " + id + " has no feasible selection to propose");
    }
    Scenario before = get(id);
    scenarios.commit(id, actor.id(), OffsetDateTime.now(clock));
    Scenario after = get(id);
    audit.record(AuditEntry.changed(PortfolioAudit.SCENARIO_COMMITTED, id, null, audited(before), audited(after)));
    return after;
  }

  @Transactional(readOnly = true)
  public Scenario get(long id) {
    ScenarioRepository.Row row = scenarios.find(id).orElseThrow(() -> new NotFoundException("scenario", id));
    return new Scenario(row.id(), row.name(), read(row.parameters(), WhatIfRequest.class),
        read(row.result(), WhatIfResult.class), row.runs(), row.createdBy(), row.createdAt(), row.runBy(),
        row.runAt(), row.committedBy(), row.committedAt(), row.reviewId());
  }

  @Transactional(readOnly = true)
  Page<ScenarioRepository.Summary> list(PageRequest page) {
    return scenarios.list(page);
  }

  /** Scenarios side by side: each one's figures, and which scenarios choose each candidate. */
  public record Comparison(List<Column> scenarios, List<Membership> candidates) {

    public record Column(long id, String name, String status, double objective, double gap, int chosen,
        List<WhatIfResult.BudgetUse> budget, List<WhatIfResult.RoleUse> capacity) {
    }

    public record Membership(String reference, String name, Map<Long, Boolean> chosenIn) {
    }
  }

  @Transactional(readOnly = true)
  Comparison compare(List<Long> ids) {
    InputErrors errors = new InputErrors();
    errors.require(ids != null && ids.size() >= 2 && ids.size() <= 10, "ids", "must name 2 to 10 scenarios");
    errors.throwIfAny();
    List<Comparison.Column> columns = new ArrayList<>();
    Map<String, Comparison.Membership> members = new LinkedHashMap<>();
    for (long id : ids) {
      WhatIfResult r = get(id).result();
      columns.add(new Comparison.Column(id, get(id).name(), r.status(), r.objective(), r.gap(), r.chosen().size(),
          r.budget(), r.capacity()));
      for (WhatIfResult.CandidateView c : r.candidates()) {
        members.computeIfAbsent(c.reference(), ref -> new Comparison.Membership(ref, c.name(),
            new LinkedHashMap<>())).chosenIn().put(id, c.chosen());
      }
    }
    return new Comparison(columns, new ArrayList<>(members.values()));
  }

  /** The committed scenario no review has taken up yet, now taken up by {@code reviewId} (for the review pack). */
  @Transactional
  public Optional<Scenario> takeUpCommitted(long reviewId) {
    Optional<ScenarioRepository.Row> row = scenarios.lockCommitted();
    row.ifPresent(r -> scenarios.takenUpBy(r.id(), reviewId));
    return row.map(r -> get(r.id()));
  }

  private static Audited audited(Scenario s) {
    return new Audited(s.id(), s.name(), s.parameters(), s.result().status(), s.result().objective(),
        s.result().chosen());
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable scenario " + type.getSimpleName(), e);
    }
  }
}
