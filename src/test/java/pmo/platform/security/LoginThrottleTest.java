package pmo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The counting rules of the throttle on a clock the test moves: sliding window, locks that end, separate keys. */
class LoginThrottleTest {

  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final LoginThrottle throttle = new LoginThrottle(
      new AccountSettings.Throttle(3, 10, Duration.ofMinutes(10), Duration.ofMinutes(5)), nanos::get);

  @Test
  void theThirdFailureLocksTheUserAtThatAddressUntilTheLockEnds() {
    throttle.failed("rita", "192.0.2.1");
    throttle.failed("rita", "192.0.2.1");
    assertThat(throttle.lockedFor("rita", "192.0.2.1")).isEmpty();
    throttle.failed("rita", "192.0.2.1");
    assertThat(throttle.lockedFor("rita", "192.0.2.1")).contains(Duration.ofMinutes(5));

    later(Duration.ofMinutes(4));
    assertThat(throttle.lockedFor("rita", "192.0.2.1")).contains(Duration.ofMinutes(1));
    later(Duration.ofMinutes(1));
    assertThat(throttle.lockedFor("rita", "192.0.2.1")).isEmpty();
  }

  @Test
  void failuresOlderThanTheWindowNoLongerCount() {
    throttle.failed("rita", "192.0.2.1");
    throttle.failed("rita", "192.0.2.1");
    later(Duration.ofMinutes(10).plusSeconds(1));
    throttle.failed("rita", "192.0.2.1");
    throttle.failed("rita", "192.0.2.1");
    assertThat(throttle.lockedFor("rita", "192.0.2.1")).isEmpty();
    throttle.failed("rita", "192.0.2.1");
    assertThat(throttle.lockedFor("rita", "192.0.2.1")).isPresent();
  }

  @Test
  void aStrangerLocksOnlyHimselfNeverTheUserAtTheirOwnAddress() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("admin", "203.0.113.66");
    }
    assertThat(throttle.lockedFor("admin", "203.0.113.66")).isPresent();
    assertThat(throttle.lockedFor("ADMIN", "203.0.113.66")).as("case does not make a new user").isPresent();
    assertThat(throttle.lockedFor("admin", "192.0.2.10")).isEmpty();
  }

  @Test
  void anAddressFailingForManyUsersIsLockedForAllOfThem() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("user" + i, "203.0.113.66");
    }
    assertThat(throttle.lockedFor("someone-else", "203.0.113.66")).contains(Duration.ofMinutes(5));
    assertThat(throttle.lockedFor("someone-else", "192.0.2.10")).isEmpty();
  }

  @Test
  void theRightPasswordForgetsTheUsersFailuresButNotTheAddresses() {
    throttle.failed("rita", "192.0.2.1");
    throttle.failed("rita", "192.0.2.1");
    throttle.succeeded("rita", "192.0.2.1");
    throttle.failed("rita", "192.0.2.1");
    throttle.failed("rita", "192.0.2.1");
    assertThat(throttle.lockedFor("rita", "192.0.2.1")).isEmpty();

    for (int i = 0; i < 6; i++) {
      throttle.failed("rita", "192.0.2.1");
      throttle.succeeded("rita", "192.0.2.1");
    }
    assertThat(throttle.lockedFor("rita", "192.0.2.1")).as("address: 10 failures in the window").isPresent();
  }

  @Test
  void aLockIsNotProlongedByAttemptsThatRaceIt() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("rita", "192.0.2.1");
    }
    later(Duration.ofMinutes(3));
    throttle.failed("rita", "192.0.2.1");
    assertThat(throttle.lockedFor("rita", "192.0.2.1")).contains(Duration.ofMinutes(2));
  }

  private void later(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }
}
