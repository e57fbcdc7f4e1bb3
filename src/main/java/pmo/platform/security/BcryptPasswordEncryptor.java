package pmo.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The engine's password hash: bcrypt (Spring Security's {@link BCryptPasswordEncoder}), slow on purpose, where
 * Camunda's default is one round of salted SHA-512 that a graphics card tries billions of times a second.
 *
 * <p>The engine hands in the password with its per-user salt appended ({@code password + salt}, 24 characters) and
 * stores {@code {BCRYPT}} + what {@link #encrypt} returns. bcrypt reads at most 72 bytes, and Spring's encoder refuses
 * longer input, so a pass phrase of more than 48 bytes would fail or be cut off; the salted password is therefore
 * hashed with SHA-256 first and its Base64 form (44 characters, no zero bytes) goes into bcrypt. The SHA-256 step is
 * salted by the engine's salt, so it cannot be matched against leaked unsalted hashes. bcrypt adds a salt of its own.
 */
class BcryptPasswordEncryptor implements PasswordEncryptor {

  static final String ALGORITHM = "BCRYPT";

  private final BCryptPasswordEncoder bcrypt;

  BcryptPasswordEncryptor(int strength) {
    this.bcrypt = new BCryptPasswordEncoder(strength);
  }

  @Override
  public String encrypt(String saltedPassword) {
    return bcrypt.encode(preHash(saltedPassword));
  }

  @Override
  public boolean check(String saltedPassword, String encrypted) {
    return bcrypt.matches(preHash(saltedPassword), encrypted);
  }

  /**
   * Whether a stored hash ({@code {ALGORITHM}hash}, as in {@code ACT_ID_USER.PWD_}) is bcrypt with at least the
   * configured cost; any other is replaced at the user's next successful login.
   */
  boolean isCurrent(String stored) {
    String prefix = "{" + ALGORITHM + "}";
    return stored != null && stored.startsWith(prefix) && !bcrypt.upgradeEncoding(stored.substring(prefix.length()));
  }

  @Override
  public String hashAlgorithmName() {
    return ALGORITHM;
  }

  private static String preHash(String saltedPassword) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(saltedPassword.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
