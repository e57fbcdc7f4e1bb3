package pmo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CredentialsCacheTest {

  final AtomicLong nanos = new AtomicLong();
  final CredentialsCache cache = new CredentialsCache(Duration.ofMinutes(1), nanos::get);

  @Test
  void remembersARightPasswordForTheCacheTimeOnly() {
    cache.remember("olga", "secret");
    assertThat(cache.knows("olga", "secret")).isTrue();
    assertThat(cache.knows("olga", "Secret")).isFalse();
    assertThat(cache.knows("oscar", "secret")).isFalse();
    nanos.addAndGet(Duration.ofSeconds(61).toNanos());
    assertThat(cache.knows("olga", "secret")).isFalse();
  }

  @Test
  void forgetsAUserAtOnce() {
    cache.remember("olga", "secret");
    cache.remember("oscar", "secret");
    cache.forget("olga");
    assertThat(cache.knows("olga", "secret")).isFalse();
    assertThat(cache.knows("oscar", "secret")).isTrue();
  }

  @Test
  void aZeroCacheTimeRemembersNothing() {
    CredentialsCache off = new CredentialsCache(Duration.ZERO, nanos::get);
    off.remember("olga", "secret");
    assertThat(off.knows("olga", "secret")).isFalse();
  }
}
