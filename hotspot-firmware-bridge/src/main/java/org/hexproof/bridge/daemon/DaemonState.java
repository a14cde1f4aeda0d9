package org.hexproof.bridge.daemon;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import org.hexproof.bridge.files.DurableFiles;

/**
 * What a hotspot remembers across restarts besides its outbox, stored as {@code state.properties}
 * in the data directory and replaced atomically (temp file, fsync, rename).
 *
 * @param lastBeacon the last beacon sent; its window stops a second beacon in the same window
 * @param witnessesSent witness reports appended to the outbox, ever
 * @param lastError the last failure the daemon saw, with its time
 * @param registration the onboarding/location that was queued ({@code cell|gain|elevation|region|
 *     owner}); a config change queues a new location assertion
 */
record DaemonState(
    Optional<BeaconSummary> lastBeacon,
    long witnessesSent,
    Optional<String> lastError,
    Optional<String> registration) {
  static final String FILE = "state.properties";

  DaemonState {
    Objects.requireNonNull(lastBeacon, "lastBeacon");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(registration, "registration");
  }

  static DaemonState empty() {
    return new DaemonState(Optional.empty(), 0, Optional.empty(), Optional.empty());
  }

  OptionalLong lastBeaconWindow() {
    return lastBeacon.map(b -> OptionalLong.of(b.window())).orElse(OptionalLong.empty());
  }

  DaemonState withBeacon(BeaconSummary beacon) {
    return new DaemonState(Optional.of(beacon), witnessesSent, lastError, registration);
  }

  DaemonState withWitness() {
    return new DaemonState(lastBeacon, witnessesSent + 1, lastError, registration);
  }

  DaemonState withError(String error) {
    return new DaemonState(lastBeacon, witnessesSent, Optional.of(error), registration);
  }

  DaemonState withRegistration(String key) {
    return new DaemonState(lastBeacon, witnessesSent, lastError, Optional.of(key));
  }

  /** Reads the state of {@code dataDir}; a missing file is the empty state. */
  static DaemonState read(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (!Files.exists(file)) {
      return empty();
    }
    Properties p = new Properties();
    try {
      p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Optional<BeaconSummary> beacon =
        Optional.ofNullable(p.getProperty("last-beacon.window"))
            .map(
                w ->
                    new BeaconSummary(
                        Long.parseLong(w),
                        Instant.parse(p.getProperty("last-beacon.sent-at")),
                        p.getProperty("last-beacon.id"),
                        Long.parseLong(p.getProperty("last-beacon.frequency-hz")),
                        p.getProperty("last-beacon.datarate"),
                        Integer.parseInt(p.getProperty("last-beacon.tx-power-dbm"))));
    return new DaemonState(
        beacon,
        Long.parseLong(p.getProperty("witnesses-sent", "0")),
        Optional.ofNullable(p.getProperty("last-error")),
        Optional.ofNullable(p.getProperty("registration")));
  }

  /** Replaces the state file of {@code dataDir} atomically and durably. */
  void write(Path dataDir) {
    Properties p = new Properties();
    lastBeacon.ifPresent(
        b -> {
          p.setProperty("last-beacon.window", Long.toString(b.window()));
          p.setProperty("last-beacon.sent-at", b.sentAt().toString());
          p.setProperty("last-beacon.id", b.id());
          p.setProperty("last-beacon.frequency-hz", Long.toString(b.frequencyHz()));
          p.setProperty("last-beacon.datarate", b.dataRate());
          p.setProperty("last-beacon.tx-power-dbm", Integer.toString(b.txPowerDbm()));
        });
    p.setProperty("witnesses-sent", Long.toString(witnessesSent));
    lastError.ifPresent(e -> p.setProperty("last-error", e));
    registration.ifPresent(r -> p.setProperty("registration", r));
    Path file = dataDir.resolve(FILE);
    try {
      java.io.StringWriter text = new java.io.StringWriter();
      p.store(text, "hexproof hotspot state; rewritten by the daemon");
      DurableFiles.replace(
          file, text.toString().getBytes(StandardCharsets.UTF_8), DurableFiles.UMASK_DECIDES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
