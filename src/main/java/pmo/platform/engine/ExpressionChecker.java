package pmo.platform.engine;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;

/**
 * Decides whether one expression of a model stays inside {@link ModelExpressions}. It parses the text with the
 * engine's own JUEL parser (every feature on, so it reads at least what the engine reads) and walks the tree: what is
 * not explicitly allowed is rejected, including node kinds it does not know. Pure: what a name is (a variable, a
 * delegate bean, another bean) comes from the function given to it, so it needs no Spring context.
 *
 * <p>Longer than 200 lines: one case per kind of JUEL node, kept together so that what is not listed is rejected.
 */
final class ExpressionChecker {

  /** What a name in an expression resolves to when it is not a process variable. */
  enum BeanKind {
    /** No bean: the name reads a process variable. */
    NONE,
    /** One of the application's delegates ({@link ModelExpressions#isDelegateType}). */
    DELEGATE,
    /** Any other Spring bean. */
    OTHER
  }

  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS,
      Builder.Feature.NULL_PROPERTIES);

  private final Function<String, BeanKind> beans;

  ExpressionChecker(Function<String, BeanKind> beans) {
    this.beans = beans;
  }

  /** Whether a value is evaluated by the engine as an expression. */
  static boolean isExpression(String value) {
    return value != null && (value.contains("${") || value.contains("#{"));
  }

  /**
   * Why the expression may not be deployed, or null if it may. In a delegate expression
   * ({@code camunda:delegateExpression}, a listener's {@code delegateExpression}) the only allowed form is a delegate
   * bean named as a whole.
   */
  String problemOf(String expression, boolean delegateExpression) {
    Node root;
    try {
      root = PARSER.build(expression).getRoot();
    } catch (RuntimeException unparsable) {
      return "it is not a valid expression (" + unparsable.getMessage() + ")";
    }
    try {
      if (delegateExpression) {
        delegate(root);
      } else {
        check(root);
      }
      return null;
    } catch (Rejected rejected) {
      return rejected.getMessage();
    } catch (RuntimeException unexpected) {
      return "it could not be checked (" + unexpected + ")";
    }
  }

  private void delegate(Node root) {
    if (!(root instanceof AstEval eval) || !(eval.getChild(0) instanceof AstIdentifier identifier)) {
      throw new Rejected("a delegate expression names one delegate bean as a whole, as ${beanName}");
    }
    String name = identifier.getName();
    switch (kindOf(name)) {
      case DELEGATE -> {
      }
      case NONE -> throw new Rejected("delegate bean '" + name + "' does not exist");
      case OTHER -> throw new Rejected("bean '" + name + "' is not a delegate (a pmo class implementing "
          + "JavaDelegate, TaskListener or ExecutionListener)");
    }
  }

  private void check(Node node) {
    if (node instanceof AstEval || node instanceof AstComposite || node instanceof AstNested
        || node instanceof AstBinary || node instanceof AstUnary || node instanceof AstChoice
        || node instanceof AstParameters) {
      children(node);
    } else if (node instanceof AstText text) {
      literal(String.valueOf(text.eval(null, null)));
    } else if (node instanceof AstString string) {
      literal(String.valueOf(string.eval(null, null)));
    } else if (node instanceof AstNumber || node instanceof AstBoolean || node instanceof AstNull) {
      return;
    } else if (node instanceof AstIdentifier identifier) {
      identifier(identifier.getName());
    } else if (node instanceof AstFunction function) {
      if (!ModelExpressions.FUNCTIONS.contains(function.getName())) {
        throw new Rejected("function '" + function.getName() + "' is not on the allowlist (allowed: "
            + sorted(ModelExpressions.FUNCTIONS) + ")");
      }
      children(function);
    } else if (node instanceof AstMethod method) {
      method(method);
    } else if (node instanceof AstDot dot) {
      property(dot);
    } else if (node instanceof AstBracket bracket) {
      throw new Rejected("bracket access " + describe(bracket) + " is not allowed");
    } else {
      throw new Rejected("'" + node + "' is not allowed");
    }
  }

  private void children(Node node) {
    for (int i = 0; i < node.getCardinality(); i++) {
      check(node.getChild(i));
    }
  }

  /** A string whose value is itself an expression is how a second evaluation would be smuggled in. */
  private static void literal(String value) {
    if (isExpression(value)) {
      throw new Rejected("a text that contains ${ or #{ inside an expression is not allowed");
    }
  }

  private void identifier(String name) {
    if (ModelExpressions.ENGINE_OBJECTS.contains(name)) {
      throw new Rejected("'" + name + "' may be used only as " + engineUses(name));
    }
    if (ModelExpressions.isCallableBean(name)) {
      throw new Rejected("bean '" + name + "' may only be called: " + beanUses(name));
    }
    switch (kindOf(name)) {
      case NONE -> {
      }
      case DELEGATE -> throw new Rejected("delegate bean '" + name
          + "' may be named only as a whole in a delegate expression");
      case OTHER -> throw new Rejected("bean '" + name + "' is not on the allowlist");
    }
  }

  private void method(AstMethod method) {
    Node target = method.getChild(0);
    AstParameters arguments = (AstParameters) method.getChild(1);
    if (!(target instanceof AstDot dot)) {
      throw new Rejected("calling " + describe(target) + " is not allowed");
    }
    String name = propertyName(dot);
    Node base = dot.getChild(0);
    if (base instanceof AstIdentifier identifier) {
      String owner = identifier.getName();
      if (ModelExpressions.isCallableBean(owner)) {
        if (!ModelExpressions.BEAN_METHODS.get(owner).contains(name)) {
          throw new Rejected("method '" + name + "' of bean '" + owner + "' is not on the allowlist (allowed: "
              + beanUses(owner) + ")");
        }
        children(arguments);
        return;
      }
      if (ModelExpressions.ENGINE_METHODS.getOrDefault(owner, Set.of()).contains(name)) {
        children(arguments);
        return;
      }
      if (ModelExpressions.ENGINE_OBJECTS.contains(owner)) {
        throw new Rejected("'" + owner + "." + name + "(...)' is not allowed: '" + owner + "' may be used only as "
            + engineUses(owner));
      }
      String what = kindOf(owner) == BeanKind.NONE ? "variable '" + owner + "'" : "bean '" + owner + "'";
      throw new Rejected("calling '" + name + "' on " + what + " is not allowed (not on the allowlist)");
    }
    throw new Rejected("calling '" + name + "' on " + describe(base) + " is not allowed");
  }

  private void property(AstDot dot) {
    String name = propertyName(dot);
    Node base = dot.getChild(0);
    if (base instanceof AstIdentifier identifier
        && ModelExpressions.ENGINE_PROPERTIES.getOrDefault(identifier.getName(), Set.of()).contains(name)) {
      return;
    }
    if (base instanceof AstMethod method && ModelExpressions.OUTPUT_MAPS.contains(describeTarget(method))) {
      method(method);
      return;
    }
    throw new Rejected("reading '" + name + "' of " + describe(base) + " is not allowed");
  }

  private BeanKind kindOf(String name) {
    BeanKind kind = beans.apply(name);
    return kind == null ? BeanKind.NONE : kind;
  }

  /** The property name of {@code a.b}: JUEL prints an AstDot as ". b". */
  private static String propertyName(AstDot dot) {
    String printed = dot.toString();
    return printed.startsWith(". ") ? printed.substring(2) : printed;
  }

  /** {@code decisionResult.getSingleResult} for the call {@code decisionResult.getSingleResult()}. */
  private static String describeTarget(AstMethod method) {
    return describe(method.getChild(0));
  }

  private static String describe(Node node) {
    if (node instanceof AstIdentifier identifier) {
      return "'" + identifier.getName() + "'";
    }
    if (node instanceof AstDot dot) {
      return plain(describe(dot.getChild(0))) + "." + propertyName(dot);
    }
    if (node instanceof AstMethod method) {
      return plain(describe(method.getChild(0))) + "(...)";
    }
    if (node instanceof AstFunction function) {
      return function.getName() + "(...)";
    }
    if (node instanceof AstBracket bracket) {
      return plain(describe(bracket.getChild(0))) + "[...]";
    }
    if (node instanceof AstString string) {
      return "\"" + string.eval(null, null) + "\"";
    }
    return "a computed value";
  }

  private static String plain(String described) {
    return described.startsWith("'") && described.endsWith("'") && described.length() > 1
        ? described.substring(1, described.length() - 1) : described;
  }

  private static String beanUses(String bean) {
    return String.join(", ", ModelExpressions.BEAN_METHODS.get(bean).stream().sorted()
        .map(method -> bean + "." + method + "(...)").toList());
  }

  private static String engineUses(String object) {
    Set<String> uses = new TreeSet<>();
    ModelExpressions.ENGINE_PROPERTIES.getOrDefault(object, Set.of()).forEach(p -> uses.add(object + "." + p));
    ModelExpressions.ENGINE_METHODS.getOrDefault(object, Set.of()).forEach(m -> uses.add(object + "." + m + "(...)"));
    return uses.isEmpty() ? "nothing (it is not available to models)" : String.join(", ", uses);
  }

  private static String sorted(Set<String> names) {
    return String.join(", ", new TreeSet<>(names));
  }

  /** Why an expression is rejected; unwinds the walk at the first fault. */
  private static final class Rejected extends RuntimeException {

    Rejected(String message) {
      super(message, null, false, false);
    }
  }
}
