package pmo.e2e;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a browser scenario of src/e2e (Node.js + playwright-core driving Debian's headless Chromium) against the test
 * application. Without Chromium or Node.js the scenario is skipped, unless {@code PMO_E2E_REQUIRED=1} (CI) makes that
 * a failure. Screenshots land in target/e2e.
 */
public final class BrowserScenario {

  private static final Path E2E = Path.of("src", "e2e");
  private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
  /** The longest a scenario may take, its browser start on a loaded machine included. */
  private static final int TIMEOUT_SECONDS = 480;

  private BrowserScenario() {
  }

  /** Runs a scenario that needs no running application. */
  public static void run(String script) throws Exception {
    run(script, 0, Map.of());
  }

  /** Runs {@code src/e2e/<script>} with the given environment and fails the test if the scenario fails. */
  public static void run(String script, int port, Map<String, String> env) throws Exception {
    requireTools();
    // the scenario's output goes to a file, not a pipe: Chromium's processes inherit the output, and a pipe read to
    // its end would wait for the last of them (a scenario that hung once held CI until its limit)
    Path screenshots = Path.of("target", "e2e").toAbsolutePath();
    Files.createDirectories(screenshots);
    Path log = screenshots.resolve(script.replace(".js", "") + "-" + System.currentTimeMillis() + ".log");
    ProcessBuilder builder = new ProcessBuilder("node", script).directory(E2E.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(env);
    builder.environment().put("BASE_URL", "http://localhost:" + port);
    builder.environment().put("CHROMIUM", CHROMIUM);
    builder.environment().put("SCREENSHOTS", screenshots.toString());
    builder.environment().put("SCENARIO_TIMEOUT_SECONDS", String.valueOf(TIMEOUT_SECONDS - 30));
    Process process = builder.start();
    boolean done = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!done) {
      // the scenario's own watchdog (lib.run) did not end it: end it and every browser process it started
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println(output);
    if (!done) {
      Assertions.fail(script + " did not finish in " + TIMEOUT_SECONDS + " s:\n" + output);
    }
    Assertions.assertEquals(0, process.exitValue(), script + " failed:\n" + output);
  }

  private static void requireTools() throws Exception {
    boolean required = "1".equals(System.getenv("PMO_E2E_REQUIRED"));
    String missing = !new File(CHROMIUM).canExecute() ? "Chromium (" + CHROMIUM + ")"
        : !onPath("node") ? "Node.js" : null;
    if (missing != null) {
      if (required) {
        Assertions.fail(missing + " is missing and PMO_E2E_REQUIRED=1");
      }
      Assumptions.abort(missing + " is not installed: browser scenario skipped");
    }
    // the build installs the packages (exec-maven-plugin, npm ci): a child process of the test JVM never shares its
    // stdin/stdout, which would corrupt Surefire's channel
    if (!Files.isDirectory(E2E.resolve("node_modules").resolve("playwright-core"))) {
      String reason = "src/e2e/node_modules is missing: the build runs npm ci there (mvn generate-test-resources)";
      if (required) {
        Assertions.fail(reason);
      }
      Assumptions.abort(reason);
    }
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(dir, command).canExecute()) {
        return true;
      }
    }
    return false;
  }
}
