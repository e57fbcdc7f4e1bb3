package pmo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BcryptPasswordEncryptorTest {

  final BcryptPasswordEncryptor bcrypt = new BcryptPasswordEncryptor(4);

  @Test
  void hashesAndChecks() {
    String hash = bcrypt.encrypt("secret" + "c2FsdHNhbHRzYWx0c2FsdA==");
    assertThat(hash).startsWith("$2a$04$");
    assertThat(bcrypt.check("secret" + "c2FsdHNhbHRzYWx0c2FsdA==", hash)).isTrue();
    assertThat(bcrypt.check("Secret" + "c2FsdHNhbHRzYWx0c2FsdA==", hash)).isFalse();
  }

  @Test
  void passPhrasesLongerThanBcryptReadsAreHashedWhole() {
    String phrase = "correct horse battery staple ".repeat(4); // 116 bytes, plus the engine's salt
    String hash = bcrypt.encrypt(phrase + "salt");
    assertThat(bcrypt.check(phrase + "salt", hash)).isTrue();
    assertThat(bcrypt.check(phrase + "SALT", hash)).as("a difference past byte 72 counts").isFalse();
  }

  @Test
  void onlyBcryptOfAtLeastTheConfiguredCostIsCurrent() {
    assertThat(bcrypt.isCurrent("{BCRYPT}" + bcrypt.encrypt("x"))).isTrue();
    assertThat(new BcryptPasswordEncryptor(5).isCurrent("{BCRYPT}" + bcrypt.encrypt("x"))).isFalse();
    assertThat(bcrypt.isCurrent("{SHA-512}z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdB"
        + "eoGlODJ6+SfaPg==")).isFalse();
    assertThat(bcrypt.isCurrent(null)).isFalse();
  }
}
