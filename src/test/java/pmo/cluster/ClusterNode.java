package pmo.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One application node in a JVM of its own, started from the built application (target/classes and the runtime
 * libraries, not the test classes) with the {@code postgres} profile and the settings of {@code config/}, as it would
 * run in production; its output goes to {@code target/cluster/<name>.log}, never to the test JVM's stdout. It can be
 * stopped, or killed ({@code SIGKILL}: no shutdown hook, no last transaction, its job locks left behind).
 */
final class ClusterNode implements AutoCloseable {

  final String name;
  final int port;
  private final Process process;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ClusterNode(String name, int port, Process process) {
    this.name = name;
    this.port = port;
    this.process = process;
  }

  /** Starts a node with these settings (Spring properties, given on its command line) added to the common ones. */
  static ClusterNode start(String name, Map<String, String> env, Map<String, String> settings) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(applicationClassPath());
    command.add("pmo.PmoApplication");
    command.add("--server.port=" + port);
    command.add("--spring.profiles.active=postgres");
    // the engine names the node in its job log (ACT_HI_JOB_LOG.HOSTNAME_): which node ran which job
    command.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
    settings.forEach((key, value) -> command.add("--" + key + "=" + value));
    try {
      Path log = Path.of("target", "cluster", name + ".log");
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().putAll(env);
      return new ClusterNode(name, port, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test JVM's class path without the test classes: the application and its libraries. */
  private static String applicationClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
        .collect(Collectors.joining(File.pathSeparator));
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Whether the node answers its health check with UP. */
  boolean isUp() {
    if (!process.isAlive()) {
      throw new IllegalStateException("node " + name + " ended with exit code " + process.exitValue()
          + "; see target/cluster/" + name + ".log");
    }
    try {
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
          .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** As a crash: SIGKILL, nothing runs on the way out. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** A normal stop (SIGTERM: the application shuts down), killed if it takes longer than 60 s. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
