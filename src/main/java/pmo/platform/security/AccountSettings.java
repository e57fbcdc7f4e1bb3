package pmo.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pmo.security.*} (config/application.yaml): how failed logins are throttled, how long a checked HTTP Basic
 * credential is trusted without checking the password again, and the bcrypt cost of stored passwords.
 *
 * @param loginThrottle limits on failed logins (see {@link LoginThrottle})
 * @param credentialsCache how long a successful HTTP Basic login is remembered; {@code PT0S} checks every request
 * @param bcryptStrength bcrypt's cost factor (log2 of the rounds), 4 to 31; each step doubles the time of a check
 */
@ConfigurationProperties("pmo.security")
record AccountSettings(Throttle loginThrottle, Duration credentialsCache, Integer bcryptStrength) {

  AccountSettings {
    loginThrottle = loginThrottle == null ? new Throttle(null, null, null, null) : loginThrottle;
    credentialsCache = credentialsCache == null ? Duration.ofMinutes(1) : credentialsCache;
    bcryptStrength = bcryptStrength == null ? 10 : bcryptStrength;
    if (credentialsCache.isNegative()) {
      throw new IllegalStateException("pmo.security.credentials-cache must not be negative");
    }
    if (bcryptStrength < 4 || bcryptStrength > 31) {
      throw new IllegalStateException("pmo.security.bcrypt-strength must be between 4 and 31");
    }
  }

  /**
   * {@code pmo.security.login-throttle.*}: {@code attemptsPerUser} failed logins for one user from one client address
   * within {@code window} lock that user at that address, and {@code attemptsPerAddress} failed logins from one client
   * address (whatever the users) lock the address, each for {@code lockDuration}; then the lock ends by itself.
   */
  record Throttle(Integer attemptsPerUser, Integer attemptsPerAddress, Duration window, Duration lockDuration) {

    Throttle {
      attemptsPerUser = attemptsPerUser == null ? 5 : attemptsPerUser;
      attemptsPerAddress = attemptsPerAddress == null ? 20 : attemptsPerAddress;
      window = window == null ? Duration.ofMinutes(15) : window;
      lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
      if (attemptsPerUser < 1 || attemptsPerAddress < 1) {
        throw new IllegalStateException("pmo.security.login-throttle attempts must be at least 1");
      }
      if (window.isNegative() || window.isZero() || lockDuration.isNegative() || lockDuration.isZero()) {
        throw new IllegalStateException("pmo.security.login-throttle window and lock-duration must be positive");
      }
    }
  }
}
