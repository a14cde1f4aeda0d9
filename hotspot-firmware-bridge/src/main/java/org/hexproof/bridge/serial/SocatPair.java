package org.hexproof.bridge.serial;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two connected pseudo-terminals made by {@code socat -d -d pty,raw,echo=0,link=A
 * pty,raw,echo=0,link=B}: what one side writes, the other reads. For emulated modules in tests,
 * field tests and the devnet. {@link #close} stops socat, which removes both links.
 */
public final class SocatPair implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SocatPair.class);

  private final Process process;
  private final Path linkA;
  private final Path linkB;
  private final List<String> diagnostics = new ArrayList<>();

  private SocatPair(Process process, Path linkA, Path linkB) {
    this.process = process;
    this.linkA = linkA;
    this.linkB = linkB;
  }

  /**
   * Starts socat from {@code PATH} (or {@code /usr/bin/socat}) and waits up to 5 s for both links.
   *
   * @throws IllegalStateException when socat is not installed or does not create the links
   */
  public static SocatPair start(Path linkA, Path linkB) {
    Path socat =
        findOnPath("socat")
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "socat not found on PATH or at /usr/bin/socat;"
                            + " install it (apt-get install socat)"));
    return start(socat, linkA, linkB, Duration.ofSeconds(5));
  }

  /**
   * Starts {@code socat} and waits up to {@code timeout} for both links to point at ptys. Stale
   * links at those paths (left by a killed socat) are removed first.
   *
   * @throws IllegalStateException when socat cannot start or the links do not appear in time
   */
  public static SocatPair start(Path socat, Path linkA, Path linkB, Duration timeout) {
    if (!Files.isExecutable(socat)) {
      throw new IllegalStateException(
          "socat not found at " + socat + "; install it (apt-get install socat)");
    }
    try {
      Files.deleteIfExists(linkA);
      Files.deleteIfExists(linkB);
      Process process =
          new ProcessBuilder(
                  socat.toString(),
                  "-d",
                  "-d",
                  "pty,raw,echo=0,link=" + linkA,
                  "pty,raw,echo=0,link=" + linkB)
              .redirectErrorStream(true)
              .start();
      SocatPair pair = new SocatPair(process, linkA, linkB);
      pair.drainOutput();
      pair.awaitLinks(timeout);
      return pair;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + socat, e);
    }
  }

  /** The first end's link path. */
  public Path linkA() {
    return linkA;
  }

  /** The second end's link path. */
  public Path linkB() {
    return linkB;
  }

  /** Whether socat still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Stops socat (SIGTERM, then SIGKILL after 2 s) and removes links it left. Never throws. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Path link : List.of(linkA, linkB)) {
      try {
        Files.deleteIfExists(link);
      } catch (IOException e) {
        log.warn("cannot remove stale link {}: {}", link, e.toString());
      }
    }
  }

  private void awaitLinks(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!(Files.exists(linkA) && Files.exists(linkB))) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        close();
        String said;
        synchronized (diagnostics) {
          said = String.join(" / ", diagnostics);
        }
        throw new IllegalStateException(
            "socat did not create " + linkA + " and " + linkB + " in time: " + said);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("interrupted waiting for socat", e);
      }
    }
  }

  private void drainOutput() {
    Thread drain =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  log.debug("socat: {}", line);
                  synchronized (diagnostics) {
                    if (diagnostics.size() < 20) {
                      diagnostics.add(line);
                    }
                  }
                }
              } catch (IOException e) {
                log.debug("socat output closed: {}", e.toString());
              }
            },
            "socat-output " + linkA.getFileName());
    drain.setDaemon(true);
    drain.start();
  }

  private static Optional<Path> findOnPath(String program) {
    String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
    List<Path> candidates = new ArrayList<>();
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, program));
      }
    }
    candidates.add(Path.of("/usr/bin", program));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }
}
