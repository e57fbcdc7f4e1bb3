package pmo.improvement.standard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pmo.audit.AuditEvent;
import pmo.audit.AuditService;
import pmo.improvement.proposal.Proposal;
import pmo.improvement.proposal.ProposalRegister;
import pmo.platform.InputErrors;
import pmo.platform.NotFoundException;
import pmo.platform.engine.SystemActions;

/**
 * The catalogue of the PMO's standard: every process, decision and form with each deployed version, its version tag,
 * who deployed it when (the audit trail of deployments) and why (the improvement proposals, and through them the
 * standards reviews, whose implementation names the deployment), and what changed between two versions
 * ({@link ModelDiff}). Everybody signed in reads it: the standard is everybody's.
 *
 * <p>Longer than 200 lines because processes, decisions and forms are read, paged and diffed the same way; one
 * class keeps the three kinds side by side.
 */
@Service
public class StandardCatalogue {

  /** Why a version was deployed: an improvement proposal it implemented (and the review it came from, if any). */
  public record Reason(long proposalId, String reference, String title, Long reviewId) {
  }

  /** One deployed version of a process, decision or form. */
  public record Version(int version, String versionTag, String id, String deploymentId, String deploymentName,
      OffsetDateTime deployedAt, String deployedBy, List<Reason> reasons) {
  }

  /** A process, decision or form with its versions, oldest first. */
  public record Entry(String key, String name, List<Version> versions) {
  }

  public record Catalogue(List<Entry> processes, List<Entry> decisions, List<Entry> forms) {
  }

  /** The difference between two versions of one model. */
  public record VersionDiff(String kind, String key, int from, int to, String fromVersionTag, String toVersionTag,
      List<ModelDiff.ElementRef> added, List<ModelDiff.ElementRef> removed, List<ModelDiff.ElementChange> changed,
      ModelDiff.RuleChanges rules) {
  }

  /** A deployed model version, whatever its kind. */
  private record Deployed(String key, String name, int version, String versionTag, String id, String deploymentId,
      String resourceName) {
  }

  static final int PAGE = 2000;

  private final RepositoryService repository;
  private final SystemActions system;
  private final AuditService audit;
  private final ProposalRegister proposals;
  private final JdbcClient jdbc;

  StandardCatalogue(RepositoryService repository, SystemActions system, AuditService audit,
      ProposalRegister proposals, JdbcClient jdbc) {
    this.repository = repository;
    this.system = system;
    this.audit = audit;
    this.proposals = proposals;
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Catalogue catalogue() {
    Map<String, Deployment> deployments = new HashMap<>();
    allPages(first -> repository.createDeploymentQuery().orderByDeploymentId().asc().listPage(first, PAGE))
        .forEach(d -> deployments.put(d.getId(), d));
    Map<String, List<Reason>> reasons = new HashMap<>();
    for (Proposal p : proposals.implementedBy(List.copyOf(deployments.keySet()))) {
      reasons.computeIfAbsent(p.deploymentId(), k -> new ArrayList<>())
          .add(new Reason(p.id(), p.reference(), p.title(), p.reviewId()));
    }
    Map<String, String> deployers = new HashMap<>();
    return new Catalogue(entries(processes(), deployments, reasons, deployers),
        entries(decisions(), deployments, reasons, deployers), entries(forms(), deployments, reasons, deployers));
  }

  /** What changed from version {@code from} to version {@code to} of a process, decision or form. */
  @Transactional(readOnly = true)
  public VersionDiff diff(String kind, String key, Integer from, Integer to) {
    Supplier<List<Deployed>> all = switch (kind) {
      case "processes" -> this::processes;
      case "decisions" -> this::decisions;
      case "forms" -> this::forms;
      default -> throw new NotFoundException("kind of model", kind);
    };
    List<Deployed> versions = all.get().stream().filter(d -> d.key().equals(key)).toList();
    if (versions.isEmpty()) {
      throw new NotFoundException(kind.substring(0, kind.length() - 1), key);
    }
    InputErrors errors = new InputErrors();
    Deployed a = version(errors, "from", versions, from);
    Deployed b = version(errors, "to", versions, to);
    errors.throwIfAny();
    byte[] before = content(kind, a);
    byte[] after = content(kind, b);
    ModelDiff.Diff diff = switch (kind) {
      case "processes" -> ModelDiff.bpmn(before, after);
      case "decisions" -> ModelDiff.dmn(before, after);
      default -> ModelDiff.form(before, after);
    };
    return new VersionDiff(kind, key, a.version(), b.version(), a.versionTag(), b.versionTag(), diff.added(),
        diff.removed(), diff.changed(), diff.rules());
  }

  private static Deployed version(InputErrors errors, String field, List<Deployed> versions, Integer wanted) {
    if (wanted == null) {
      errors.add(field, "is required: a version number");
      return null;
    }
    return versions.stream().filter(v -> v.version() == wanted).findFirst().orElseGet(() -> {
      errors.add(field, "there is no version " + wanted + " of " + versions.get(0).key() + " (versions 1 to "
          + versions.stream().mapToInt(Deployed::version).max().orElse(0) + ")");
      return null;
    });
  }

  private byte[] content(String kind, Deployed d) {
    return system.call(() -> {
      try (InputStream in = switch (kind) {
        case "processes" -> repository.getProcessModel(d.id());
        case "decisions" -> repository.getDecisionModel(d.id());
        default -> repository.getResourceAsStream(d.deploymentId(), d.resourceName());
      }) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private List<Entry> entries(List<Deployed> deployed, Map<String, Deployment> deployments,
      Map<String, List<Reason>> reasons, Map<String, String> deployers) {
    Map<String, List<Deployed>> byKey = new LinkedHashMap<>();
    deployed.stream().sorted(Comparator.comparing(Deployed::key).thenComparingInt(Deployed::version))
        .forEach(d -> byKey.computeIfAbsent(d.key(), k -> new ArrayList<>()).add(d));
    List<Entry> entries = new ArrayList<>();
    byKey.forEach((key, versions) -> entries.add(new Entry(key, versions.get(versions.size() - 1).name(),
        versions.stream().map(d -> {
          Deployment deployment = deployments.get(d.deploymentId());
          return new Version(d.version(), d.versionTag(), d.id(), d.deploymentId(),
              deployment == null ? null : deployment.getName(),
              deployment == null || deployment.getDeploymentTime() == null ? null
                  : deployment.getDeploymentTime().toInstant().atOffset(ZoneOffset.UTC),
              deployers.computeIfAbsent(d.deploymentId(), this::deployer),
              reasons.getOrDefault(d.deploymentId(), List.of()));
        }).toList())));
    return entries;
  }

  /** Who deployed: the actor of the deployment's audit event (unknown for deployments older than the audit). */
  private String deployer(String deploymentId) {
    return audit.forEntity("DEPLOYMENT", deploymentId).stream().findFirst().map(AuditEvent::actor).orElse(null);
  }

  /** Engine queries return at most 2000 rows to a signed-in user: read page by page. */
  private <T> List<T> allPages(java.util.function.IntFunction<List<T>> page) {
    List<T> all = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      int from = first;
      List<T> rows = system.call(() -> page.apply(from));
      all.addAll(rows);
      if (rows.size() < PAGE) {
        return all;
      }
    }
  }

  private List<Deployed> processes() {
    return allPages(first -> repository.createProcessDefinitionQuery().orderByProcessDefinitionId().asc()
        .listPage(first, PAGE)).stream()
        .map((ProcessDefinition p) -> new Deployed(p.getKey(), p.getName(), p.getVersion(), p.getVersionTag(),
            p.getId(), p.getDeploymentId(), p.getResourceName())).toList();
  }

  private List<Deployed> decisions() {
    return allPages(first -> repository.createDecisionDefinitionQuery().orderByDecisionDefinitionId().asc()
        .listPage(first, PAGE)).stream()
        .map((DecisionDefinition d) -> new Deployed(d.getKey(), d.getName(), d.getVersion(), d.getVersionTag(),
            d.getId(), d.getDeploymentId(), d.getResourceName())).toList();
  }

  /** Camunda Forms have no query in the engine's API: read from its table, as the engine's own cache does. */
  private List<Deployed> forms() {
    return jdbc.sql("select ID_, KEY_, VERSION_, DEPLOYMENT_ID_, RESOURCE_NAME_ from ACT_RE_CAMFORMDEF")
        .query((rs, i) -> new Deployed(rs.getString("KEY_"), rs.getString("KEY_"), rs.getInt("VERSION_"), null,
            rs.getString("ID_"), rs.getString("DEPLOYMENT_ID_"), rs.getString("RESOURCE_NAME_"))).list();
  }
}
