package org.hexproof.poc.app;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the test moves by hand; replaces the system clock when {@code
 * hexproof.test.clock=manual}.
 */
@Singleton
@Replaces(Clock.class)
@Requires(property = "hexproof.test.clock", value = "manual")
public final class ManualClock extends Clock {
  /** Where every test context's clock starts. */
  public static final Instant START = Instant.parse("2026-11-25T03:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(START);

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /** Moves the clock forward. */
  public Instant advance(Duration by) {
    return now.updateAndGet(t -> t.plus(by));
  }

  /** Sets the clock. */
  public void set(Instant at) {
    now.set(at);
  }
}
