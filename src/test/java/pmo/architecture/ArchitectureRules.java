package pmo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shape of the code, as rules: package by capability ({@code pmo.<capability>}) around the shared platform
 * ({@code pmo.platform}), dependencies one way. {@link ArchitectureTest} checks them on the application's classes and
 * shows once, on a fixture, that a forbidden dependency fails them.
 */
final class ArchitectureRules {

  /** No cycle between capabilities (the platform counts as one of them), nor between the platform's parts. */
  static final ArchRule NO_CYCLES = slices().matching("pmo.(*)..").should().beFreeOfCycles()
      .as("capabilities depend on each other one way only");

  static final ArchRule NO_PLATFORM_CYCLES = slices().matching("pmo.platform.(*)..").should().beFreeOfCycles()
      .as("the platform's parts (engine, identity, security, web) depend on each other one way only");

  /** The platform is below every capability: it names none of them. */
  static final ArchRule PLATFORM_BELOW_CAPABILITIES = noClasses().that().resideInAPackage("pmo.platform..")
      .should().dependOnClassesThat().resideInAnyPackage("pmo.audit..", "pmo.change..", "pmo.intake..",
          "pmo.issue..", "pmo.knowledge..", "pmo.notice..", "pmo.project..", "pmo.risk..", "pmo.stagegate..",
          "pmo.escalation..", "pmo.portfolio..", "pmo.performance..", "pmo.improvement..")
      .as("the platform depends on no capability");

  static final ArchRule CONTROLLERS_NEVER_REACH_REPOSITORIES = noClasses().that()
      .areAnnotatedWith(RestController.class).should().dependOnClassesThat().areAnnotatedWith(Repository.class)
      .as("controllers go through services, never to repositories");

  /**
   * A process's steps translate between variables and their capability's services, with the shared case machinery
   * (the platform, the escalation capability every case escalates through, and the notices every case sends, its
   * confirmation among them): nothing else.
   */
  static final ArchRule STEPS_CALL_THEIR_SERVICES = classes().that().haveSimpleNameEndingWith("Steps")
      .should(new ArchCondition<>("call only their own capability's services, the platform, escalation and notices") {
        @Override
        public void check(JavaClass steps, ConditionEvents events) {
          for (Dependency dependency : steps.getDirectDependenciesFromSelf()) {
            JavaClass target = dependency.getTargetClass();
            String pkg = target.getPackageName();
            boolean own = pkg.equals(steps.getPackageName());
            boolean machinery = pkg.startsWith("pmo.platform")
                || ((pkg.startsWith("pmo.escalation") || pkg.startsWith("pmo.notice"))
                && target.getModifiers().contains(JavaModifier.PUBLIC) && !target.isAnnotatedWith(Repository.class));
            boolean allowed = (own && !target.isAnnotatedWith(Repository.class)) || machinery || !pkg.startsWith("pmo");
            if (!allowed) {
              events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
            }
          }
        }
      });

  /** One capability uses another only through its public types: services, records, events; never its insides. */
  static final ArchRule CAPABILITIES_MEET_THROUGH_PUBLIC_TYPES = classes().that().resideInAPackage("..pmo..")
      .should(new ArchCondition<>("use another capability only through its public service types and events") {
        @Override
        public void check(JavaClass origin, ConditionEvents events) {
          String from = capability(origin.getPackageName());
          for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
            JavaClass target = dependency.getTargetClass();
            String to = capability(target.getPackageName());
            if (to == null || from == null || to.equals(from) || to.equals("platform")) {
              continue;
            }
            boolean inside = !target.getModifiers().contains(JavaModifier.PUBLIC)
                || target.isAnnotatedWith(Repository.class) || target.isAnnotatedWith(RestController.class)
                || target.isAnnotatedWith(Configuration.class);
            if (inside) {
              events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
            }
          }
        }
      });

  private ArchitectureRules() {
  }

  /** {@code pmo.change.x} → {@code change}; null outside {@code pmo.<capability>} (or a fixture's {@code x.pmo.<c>}). */
  static String capability(String pkg) {
    int at = pkg.startsWith("pmo.") ? 0 : pkg.indexOf(".pmo.") + 1;
    if (at < 0 || (at == 0 && !pkg.startsWith("pmo."))) {
      return null;
    }
    String rest = pkg.substring(at + 4);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
