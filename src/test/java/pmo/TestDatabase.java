package pmo;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The test database from the environment: PostgreSQL when {@code PMO_TEST_DB_URL} (with {@code PMO_TEST_DB_USER},
 * {@code PMO_TEST_DB_PASSWORD}) is set, as .ci/run does; an in-memory H2 otherwise, so the test command also passes on
 * a machine without PostgreSQL.
 */
public final class TestDatabase {

  private TestDatabase() {
  }

  public static boolean isPostgres() {
    String url = System.getenv("PMO_TEST_DB_URL");
    return url != null && !url.isBlank();
  }

  public static void register(DynamicPropertyRegistry registry) {
    if (isPostgres()) {
      registry.add("spring.datasource.url", () -> System.getenv("PMO_TEST_DB_URL"));
      registry.add("spring.datasource.username", () -> System.getenv("PMO_TEST_DB_USER"));
      registry.add("spring.datasource.password", () -> orEmpty(System.getenv("PMO_TEST_DB_PASSWORD")));
    } else {
      registry.add("spring.datasource.url", () -> "jdbc:h2:mem:pmo-test;DB_CLOSE_DELAY=-1");
      registry.add("spring.datasource.username", () -> "sa");
      registry.add("spring.datasource.password", () -> "");
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
