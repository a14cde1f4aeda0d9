package org.hexproof.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code hexproof devnet} as a user runs it: {@code ./hexproof devnet ...} in a JVM of its own (the
 * script execs the jar the package phase built, before the integration tests), its standard output
 * collected line by line, its standard error in {@code target/NAME.log}, stopped with SIGINT as
 * Ctrl-C stops it.
 */
final class DevnetProcess implements AutoCloseable {
  private static final Pattern MAP_AT = Pattern.compile("map at (http://\\S+/) \\(gateway UDP");

  private final Process process;
  private final Path log;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private DevnetProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  out.add(line);
                }
              } catch (IOException e) {
                out.add("(reading stdout failed: " + e + ")");
              }
            },
            "devnet-process-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code ./hexproof devnet ARGS} from the repository root, the command README.md gives
   * (the script runs the jar the package phase built, with this JVM's {@code java} first on the
   * path); its log goes to {@code target/NAME.log}.
   */
  static DevnetProcess start(String name, List<String> args) throws IOException {
    Path jar = Paths.get("target", "hexproof.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("expected the launcher's jar at " + jar + " (mvn package)");
    }
    Path script = Paths.get("..", "hexproof").toAbsolutePath().normalize();
    List<String> command = new ArrayList<>();
    command.add(script.toString());
    command.add("devnet");
    command.addAll(args);
    Path log = Paths.get("target", name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(script.getParent().toFile())
            .redirectError(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE);
    String javaBin = Paths.get(System.getProperty("java.home"), "bin").toString();
    builder
        .environment()
        .merge("PATH", javaBin, (path, bin) -> bin + java.io.File.pathSeparator + path);
    builder.environment().put("HEXPROOF_JAVA_OPTS", "-Xmx1g");
    return new DevnetProcess(builder.start(), log);
  }

  /** Every line printed so far. */
  List<String> lines() {
    return List.copyOf(out);
  }

  /** Every line of its standard error (the log) so far. */
  List<String> logLines() throws IOException {
    return Files.readAllLines(log, StandardCharsets.UTF_8);
  }

  /**
   * Waits for the line that gives the map's URL.
   *
   * @throws IllegalStateException when it does not come within {@code budget}, or the process ends
   *     first
   */
  URI awaitUrl(Duration budget) throws InterruptedException {
    Instant deadline = Instant.now().plus(budget);
    while (Instant.now().isBefore(deadline)) {
      Optional<URI> url =
          out.stream()
              .map(MAP_AT::matcher)
              .filter(Matcher::find)
              .map(m -> URI.create(m.group(1)))
              .findFirst();
      if (url.isPresent()) {
        return url.get();
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "hexproof devnet ended with " + process.exitValue() + " before serving: " + out);
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("hexproof devnet did not serve within " + budget + ": " + out);
  }

  /**
   * Ctrl-C: sends SIGINT and waits for the process to end.
   *
   * @return its exit code
   * @throws IllegalStateException when it is still running after {@code budget}
   */
  int interrupt(Duration budget) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
    kill.waitFor(10, TimeUnit.SECONDS);
    if (!process.waitFor(budget.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("hexproof devnet still running " + budget + " after SIGINT");
    }
    reader.join(5_000);
    return process.exitValue();
  }

  /**
   * Stops the process if it still runs (a failed test): SIGTERM, which runs its shutdown hook and
   * stops PostgreSQL, then SIGKILL after a minute.
   */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new IOException("interrupted while killing", e));
      }
    }
  }
}
