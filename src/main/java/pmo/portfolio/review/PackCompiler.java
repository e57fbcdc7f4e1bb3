package pmo.portfolio.review;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pmo.portfolio.RankingService;
import pmo.portfolio.Ranking;
import pmo.portfolio.ResourceService;
import pmo.portfolio.ScenarioService;
import pmo.portfolio.ScoringModels;
import pmo.project.ProjectFactSource;

/**
 * Compiles a review's pack from the capabilities as they are now. Escalations are the risks and issues whose status is
 * ESCALATED; the facts of each project the proposal form lists ({@link ReviewForms#attention}) are those every
 * {@link ProjectFactSource} provides (performance figures appear here once a capability provides them); the other
 * running projects are kept with their stage, status and RAG.
 */
@Component
class PackCompiler {

  private final RankingService ranking;
  private final ResourceService resources;
  private final ScenarioService scenarios;
  private final ScoringModels models;
  private final List<ProjectFactSource> facts;
  private final JdbcClient jdbc;
  private final Clock clock;

  PackCompiler(RankingService ranking, ResourceService resources, ScenarioService scenarios, ScoringModels models,
      List<ProjectFactSource> facts, JdbcClient jdbc, Clock clock) {
    this.ranking = ranking;
    this.resources = resources;
    this.scenarios = scenarios;
    this.models = models;
    this.facts = facts;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Pack compile(long reviewId) {
    List<Pack.Ranked> ranked = new ArrayList<>();
    for (Ranking.Item item : ranking.all()) {
      Map<String, Integer> scores = new LinkedHashMap<>();
      item.contributions().forEach(c -> {
        if (c.score() != null) {
          scores.put(c.criterion(), c.score());
        }
      });
      ranked.add(new Pack.Ranked(item.rank(), item.reference(), item.id(), item.kind(), item.name(), item.status(),
          item.scored(), item.score(), scores));
    }
    List<Pack.ProjectState> projects = jdbc.sql("""
            select id, code, name, stage, status, rag, manager, sponsor from project
             where status in ('ACTIVE', 'ON_HOLD') and stage <> 'CLOSED' order by code""")
        .query((rs, n) -> new Pack.ProjectState(rs.getString("code"), rs.getLong("id"), rs.getString("name"),
            rs.getString("stage"), rs.getString("status"), rs.getString("rag"), rs.getString("manager"),
            rs.getString("sponsor"), Map.<String, Object>of()))
        .list();
    List<Pack.Escalation> escalations = jdbc.sql("""
            select 'RISK' as kind, r.id, p.code, r.title, r.status from risk r join project p on p.id = r.project_id
             where r.status = 'ESCALATED'
            union all
            select 'ISSUE' as kind, i.id, p.code, i.title, i.status from issue i join project p on p.id = i.project_id
             where i.status = 'ESCALATED'
            order by 3, 1, 2""")
        .query((rs, n) -> new Pack.Escalation(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getString(5)))
        .list();
    List<Pack.Ranked> waiting = ranked.stream().filter(r -> "PROPOSAL".equals(r.kind())).toList();
    Optional<ScenarioService.Scenario> scenario = scenarios.takeUpCommitted(reviewId);
    Pack.ScenarioRef ref = scenario.map(s -> {
      Map<String, String> leftOut = new LinkedHashMap<>();
      s.result().leftOut().forEach(l -> leftOut.put(l.reference(), l.reason()));
      return new Pack.ScenarioRef(s.id(), s.name(), s.result().objective(), s.result().chosen(), leftOut);
    }).orElse(null);
    // the facts (a few queries per project, from every capability) of the projects the form lists, not of the whole
    // portfolio: the review decides by exception
    Map<String, List<String>> listed = ReviewForms.attention(projects, escalations, ref);
    List<Pack.ProjectState> withFacts = projects.stream().map(p -> !listed.containsKey(p.reference()) ? p
        : new Pack.ProjectState(p.reference(), p.id(), p.name(), p.stage(), p.status(), p.rag(), p.manager(),
            p.sponsor(), factsOf(p.id()))).toList();
    return new Pack(OffsetDateTime.now(clock).toString(), models.current().version(), ranked,
        resources.report(YearMonth.now(clock), 12, null), withFacts, escalations, waiting, ref);
  }

  private Map<String, Object> factsOf(long projectId) {
    pmo.project.ProjectFacts all = pmo.project.ProjectFacts.NONE;
    for (ProjectFactSource source : facts) {
      all = source.addTo(all, projectId);
    }
    return new java.util.TreeMap<>(all.asVariables());
  }
}
