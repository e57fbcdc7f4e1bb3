package pmo.platform.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The job executor may not be able to take every connection of the pool by itself. */
class ConnectionBudgetTest {

  @Test
  void thePoolHoldsTwoConnectionsPerJobThreadAndSomeForRequests() {
    assertThatCode(() -> ConnectionBudget.check(20, 6)).doesNotThrowAnyException();
    assertThatCode(() -> ConnectionBudget.check(16, 6)).doesNotThrowAnyException();
    // the defaults of Camunda and Hikari: ten job threads waiting for a second connection hold all ten
    assertThatThrownBy(() -> ConnectionBudget.check(10, 10))
        .hasMessageContaining("maximum-pool-size is 10 but must be at least 24")
        .hasMessageContaining("max-pool-size = 10");
  }
}
