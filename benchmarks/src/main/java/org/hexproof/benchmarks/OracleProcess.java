package org.hexproof.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The load generator's handle on an {@link OracleServer} in its own JVM: starts it with this JVM's
 * class path (plus the JVM options in {@code bench.oracle.serverJvm}, space-separated, e.g. a
 * {@code -XX:StartFlightRecording=…}), sends it commands, and reads its CPU from {@code
 * /proc/<pid>/stat}.
 */
final class OracleProcess implements AutoCloseable {
  private static final String ENDED = new String("the oracle process ended");
  private final Process process;
  private final PrintStream commands;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
  private final URI base;
  private final String postgresMarker;

  private OracleProcess(Process process, Path dir) throws IOException {
    this.process = process;
    // the directory is this run's own: other runs' servers on the machine are not counted
    this.postgresMarker = dir.resolve(OracleServer.POSTGRES_DIR).toString();
    this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    // drained all the time: a full pipe would stop the oracle at its next log line
    Thread drain = new Thread(() -> drain(out), "oracle-stdout");
    drain.setDaemon(true);
    drain.start();
    this.base = URI.create(next());
  }

  /** Starts the oracle with its data in {@code dir}; returns once it serves HTTP. */
  static OracleProcess start(Path dir) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    String extra = System.getProperty("bench.oracle.serverJvm", "").strip();
    if (!extra.isEmpty()) {
      command.addAll(Arrays.asList(extra.split(" +")));
    }
    if (StatementProfile.enabled()) {
      command.add("-D" + StatementProfile.PROPERTY + "=true");
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            OracleServer.class.getName(),
            dir.toString()));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    return new OracleProcess(process, dir);
  }

  /** The oracle's HTTP address. */
  URI base() {
    return base;
  }

  /** Starts measuring the oracle JVM and its PostgreSQL. */
  ProcessCpu cpu() {
    return ProcessCpu.start(process.pid(), postgresMarker);
  }

  /** Sets the oracle's clock. */
  void clock(Instant at) {
    call("clock " + at);
  }

  /** Sends a command; returns what follows {@code ok }. */
  String call(String command) {
    commands.println(command);
    String answer = next();
    if (!answer.startsWith("ok")) {
      throw new IllegalStateException("oracle: " + command + ": " + answer);
    }
    return answer.length() > 3 ? answer.substring(3) : "";
  }

  private void drain(BufferedReader out) {
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        // the JVM's own output (-XX:+PrintCompilation) may run into an answer's line
        int at = line.indexOf(OracleServer.ANSWER);
        if (at >= 0) {
          if (at > 0) {
            System.err.println(line.substring(0, at));
          }
          answers.add(line.substring(at + OracleServer.ANSWER.length()));
        } else {
          System.err.println(line);
        }
      }
    } catch (IOException e) {
      System.err.println("oracle output: " + e);
    }
    answers.add(ENDED);
  }

  private String next() {
    String answer;
    try {
      answer = answers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the oracle", e);
    }
    if (answer == ENDED) {
      throw new IllegalStateException("the oracle process ended");
    }
    return answer;
  }

  @Override
  public void close() {
    commands.println("quit");
    commands.close();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroy();
      }
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
    }
  }
}
