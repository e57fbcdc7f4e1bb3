package pmo.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP Basic is stateless, so every REST call presents the password again, and a bcrypt check on every call would
 * cost tens of milliseconds each. This remembers, for a short time, that a user's password was right, keyed by the
 * user id and an HMAC of the password under a random key drawn at every start and held only in memory: the password
 * itself is never kept, and a fast unsalted hash that could be matched against guesses offline is not kept either.
 * A hit skips the engine's password check.
 *
 * <p>A changed password or a deleted user is forgotten at once ({@link #forget}, called by the engine's identity
 * provider); whatever else changes outside this application instance (another instance, the database directly) is
 * noticed at the latest after the cache time.
 */
class CredentialsCache {

  private static final int MAX_ENTRIES = 10_000;

  private final Cache<Key, Boolean> checked;
  private final SecretKeySpec hmacKey;
  private final boolean enabled;

  CredentialsCache(Duration ttl) {
    this(ttl, Ticker.systemTicker());
  }

  /** With a ticker of its own, so a test can move time on. */
  CredentialsCache(Duration ttl, Ticker ticker) {
    this.enabled = !ttl.isNegative() && !ttl.isZero();
    this.checked = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(enabled ? ttl : Duration.ofNanos(1))
        .maximumSize(MAX_ENTRIES).build();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.hmacKey = new SecretKeySpec(key, "HmacSHA256");
  }

  /** Whether this user's password was found right within the cache time. */
  boolean knows(String user, String password) {
    return enabled && checked.getIfPresent(key(user, password)) != null;
  }

  /** The engine has just found this password right. */
  void remember(String user, String password) {
    if (enabled) {
      checked.put(key(user, password), Boolean.TRUE);
    }
  }

  /** The user's password changed or the user is gone: no remembered login of theirs counts any more. */
  void forget(String user) {
    checked.asMap().keySet().removeIf(key -> key.user().equals(user));
  }

  private Key key(String user, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hmacKey);
      mac.update(user.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return new Key(user, mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  /** The user id and the HMAC of (user id, password). */
  private record Key(String user, byte[] mac) {

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && user.equals(key.user) && Arrays.equals(mac, key.mac);
    }

    @Override
    public int hashCode() {
      return 31 * user.hashCode() + Arrays.hashCode(mac);
    }

    @Override
    public String toString() {
      return "Key[" + user + "]";
    }
  }
}
