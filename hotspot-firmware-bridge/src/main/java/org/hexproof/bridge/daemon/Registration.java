package org.hexproof.bridge.daemon;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.hexproof.bridge.outbox.Outbox;
import org.hexproof.bridge.outbox.ReportKind;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.PublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues the hotspot's onboarding (first start only) and its location assertion (again whenever
 * location, gain, elevation, region or owner change) in the outbox.
 */
final class Registration {
  private static final Logger log = LoggerFactory.getLogger(HotspotDaemon.class);

  private Registration() {}

  static void queue(
      HotspotConfig config, Ed25519KeyPair key, Outbox outbox, StateKeeper states, Clock clock) {
    PublicKey owner = config.ownerPublicKey().orElse(key.publicKey());
    String registration =
        String.join(
            "|",
            config.location().toString(),
            Integer.toString(config.gainDdbi()),
            Integer.toString(config.elevationM()),
            config.region().displayName(),
            owner.toBase58());
    DaemonState state = states.current();
    if (state.registration().equals(Optional.of(registration))) {
      return;
    }
    Instant now = clock.instant();
    if (state.registration().isEmpty()) {
      outbox.append(ReportKind.ONBOARDING, Reports.onboarding(key, owner, now).toByteArray());
    }
    outbox.append(
        ReportKind.LOCATION,
        Reports.location(
                key,
                config.location(),
                config.gainDdbi(),
                config.elevationM(),
                config.region(),
                now)
            .toByteArray());
    states.update(s -> s.withRegistration(registration));
    log.info(
        "hotspot: queued {} for {}",
        state.lastBeacon().isEmpty() ? "onboarding and location" : "location",
        config.location());
  }
}
