package pmo.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts failed logins per (user, client address) and per client address in a sliding window, and locks a key that
 * reaches its limit for a fixed time, after which it unlocks by itself. Locks are kept in memory, per application
 * instance: a restart forgets them, which is the point (nobody has to unlock anything).
 *
 * <p>A stranger failing logins for {@code admin} locks only ({@code admin}, the stranger's address) and the stranger's
 * address, never the administrator at their own address. The engine's own per-user lock (which any stranger could
 * trigger) is switched off in config/application.yaml; this class replaces it.
 *
 * <p>Entries expire on their own (Caffeine): an entry is of no use once its newest failure is older than the window
 * and its lock has ended, so it lives {@code max(window, lockDuration)} after its last change. The number of entries is
 * bounded, so a flood of made-up user names cannot exhaust the memory (and the address limit stops such a flood early).
 */
class LoginThrottle {

  /** Bound of each table; far above what a real user population and its attackers produce within one window. */
  private static final int MAX_ENTRIES = 100_000;

  private final AccountSettings.Throttle settings;
  private final Ticker ticker;
  private final Cache<String, Failures> perUser;
  private final Cache<String, Failures> perAddress;

  LoginThrottle(AccountSettings.Throttle settings) {
    this(settings, Ticker.systemTicker());
  }

  /** With a ticker of its own, so a test can move time on. */
  LoginThrottle(AccountSettings.Throttle settings, Ticker ticker) {
    this.settings = settings;
    this.ticker = ticker;
    Duration keep = settings.window().compareTo(settings.lockDuration()) > 0 ? settings.window()
        : settings.lockDuration();
    this.perUser = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(keep).maximumSize(MAX_ENTRIES).build();
    this.perAddress = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(keep).maximumSize(MAX_ENTRIES).build();
  }

  /** How long this user at this address (or this address as a whole) is still locked; empty when not locked. */
  Optional<Duration> lockedFor(String user, String address) {
    long now = ticker.read();
    long until = Math.max(lockEnd(perUser.getIfPresent(userKey(user, address))),
        lockEnd(perAddress.getIfPresent(address)));
    return until > now ? Optional.of(Duration.ofNanos(until - now)) : Optional.empty();
  }

  /** A wrong password (or an unknown user) for this user from this address. */
  void failed(String user, String address) {
    long now = ticker.read();
    perUser.asMap().compute(userKey(user, address),
        (key, failures) -> Failures.after(failures, now, settings.attemptsPerUser(), settings));
    perAddress.asMap().compute(address,
        (key, failures) -> Failures.after(failures, now, settings.attemptsPerAddress(), settings));
  }

  /**
   * The right password: this user's failures at this address are forgotten. The address's count stays, so logging in
   * to one's own account between guesses at others' does not reset the address limit.
   */
  void succeeded(String user, String address) {
    perUser.invalidate(userKey(user, address));
  }

  private static long lockEnd(Failures failures) {
    return failures == null ? Long.MIN_VALUE : failures.lockedUntil();
  }

  /** User ids are compared without case here, so {@code Admin} and {@code admin} share one count. */
  private static String userKey(String user, String address) {
    return user.toLowerCase(Locale.ROOT) + '\n' + address;
  }

  /**
   * The failures of one key within the window (ticker times in nanoseconds, oldest first) and the end of its lock
   * ({@link Long#MIN_VALUE} when not locked). Immutable: each failure replaces it, which is what renews its expiry.
   */
  private record Failures(long[] times, long lockedUntil) {

    static Failures after(Failures previous, long now, int limit, AccountSettings.Throttle settings) {
      if (previous != null && previous.lockedUntil() > now) {
        return previous; // a request that passed the check just before the lock began: the lock is not extended
      }
      long windowStart = now - settings.window().toNanos();
      long[] kept = previous == null ? new long[0]
          : Arrays.stream(previous.times()).filter(t -> t > windowStart).toArray();
      long[] times = Arrays.copyOf(kept, kept.length + 1);
      times[kept.length] = now;
      if (times.length >= limit) {
        return new Failures(new long[0], now + settings.lockDuration().toNanos());
      }
      return new Failures(times, Long.MIN_VALUE);
    }
  }
}
