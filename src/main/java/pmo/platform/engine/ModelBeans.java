package pmo.platform.engine;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The beans the engine's expression manager may resolve: the callable beans of {@link ModelExpressions} and the
 * application's delegate beans, nothing else of the application context. Given to the engine as its {@code beans}
 * map (Camunda's {@code SpringExpressionManager} then resolves names through this map only), so an expression that got
 * past the {@link DeploymentGuard} still cannot reach {@code jdbcTemplate} or any other bean. The engine is configured
 * before the beans exist: the map answers {@link #containsKey} from the allowlist and the bean types, and looks a bean
 * up only when an expression asks for it. Read-only.
 */
final class ModelBeans extends AbstractMap<Object, Object> {

  private final ApplicationContext spring;

  ModelBeans(ApplicationContext spring) {
    this.spring = spring;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String name && spring.containsBean(name)
        && (ModelExpressions.isCallableBean(name) || ModelExpressions.isDelegateType(typeOf(spring, name)));
  }

  @Override
  public Object get(Object key) {
    return containsKey(key) ? spring.getBean((String) key) : null;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    return names().stream().map(name -> Map.entry((Object) name, spring.getBean(name)))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The names this map holds (callable beans and delegate beans). */
  Set<String> names() {
    return Arrays.stream(spring.getBeanDefinitionNames()).filter(this::containsKey)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  /**
   * The class a bean is written as (not its proxy), from its definition, without creating the bean (so the answer is the
   * same while the engine is being built and afterwards). A bean made by a {@code @Bean} method of the application (a
   * process's steps, written as lambdas in its {@code XxxSteps} class) whose declared type is one of the delegate
   * interfaces counts as one of the application's delegates.
   */
  static Class<?> typeOf(ApplicationContext spring, String name) {
    if (spring instanceof ConfigurableApplicationContext configurable
        && configurable.getBeanFactory().containsBeanDefinition(name)) {
      BeanDefinition definition = configurable.getBeanFactory().getMergedBeanDefinition(name);
      Class<?> declared = definition.getResolvableType().resolve();
      if (declared != null) {
        Class<?> user = ClassUtils.getUserClass(declared);
        boolean delegate = ModelExpressions.DELEGATE_TYPES.stream().anyMatch(d -> d.isAssignableFrom(user));
        return delegate && !user.getName().startsWith("pmo.") && declaredInApplication(definition) ? StepBean.class
            : user;
      }
    }
    Class<?> type = spring.getType(name, false);
    return type == null ? null : ClassUtils.getUserClass(type);
  }

  private static boolean declaredInApplication(BeanDefinition definition) {
    return definition instanceof AnnotatedBeanDefinition annotated && annotated.getFactoryMethodMetadata() != null
        && annotated.getFactoryMethodMetadata().getDeclaringClassName().startsWith("pmo.");
  }

  /** Stands for a delegate bean declared by a {@code @Bean} method of the application. */
  interface StepBean extends JavaDelegate, TaskListener, ExecutionListener {
  }
}
