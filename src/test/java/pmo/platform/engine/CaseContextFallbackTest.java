package pmo.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataRetrievalFailureException;

/**
 * The context of a task informs a decision and is none: a capability that cannot describe its case does not stop the
 * case (the form says the context could not be read), unless the database failed, which fails the step as a whole.
 */
class CaseContextFallbackTest {

  /** A task that answers nothing but nulls: the registry only hands it on and names it in its log. */
  private static final DelegateTask TASK = (DelegateTask) Proxy.newProxyInstance(
      CaseContextFallbackTest.class.getClassLoader(), new Class<?>[] {DelegateTask.class}, (proxy, method, args) -> null);

  @Test
  void aDescriptionThatFailsBecomesANoteInsteadOfAFailedTask() {
    CaseRegistry registry = registry(task -> {
      throw new IllegalStateException("no such case");
    });
    assertThat(registry.context("p", TASK)).isEqualTo("The context of this case could not be read "
        + "(IllegalStateException).");
    assertThat(registry.context("other-process", TASK)).isNull();
  }

  @Test
  void aDatabaseFailureFailsTheStep() {
    CaseRegistry registry = registry(task -> {
      throw new DataRetrievalFailureException("connection lost");
    });
    assertThatThrownBy(() -> registry.context("p", TASK)).isInstanceOf(DataRetrievalFailureException.class);
  }

  @Test
  void theDescriptionIsTheCapabilitysText() {
    assertThat(registry(task -> "#### CR-1").context("p", TASK)).isEqualTo("#### CR-1");
  }

  private static CaseRegistry registry(Function<DelegateTask, String> describe) {
    CaseContexts contexts = new CaseContexts() {
      @Override
      public Set<String> processKeys() {
        return Set.of("p");
      }

      @Override
      public String describe(DelegateTask task) {
        return describe.apply(task);
      }
    };
    return new CaseRegistry(List::of, () -> List.of(contexts));
  }
}
