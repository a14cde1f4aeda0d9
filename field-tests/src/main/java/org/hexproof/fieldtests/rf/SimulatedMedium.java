package org.hexproof.fieldtests.rf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hexproof.bridge.emulator.AttachedRadio;
import org.hexproof.bridge.emulator.RadioMedium;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.core.radio.LoraAirtime;
import org.hexproof.fieldtests.rf.FrameDelivery.Delivery;
import org.hexproof.fieldtests.rf.FramesOnAir.Transmission;

/**
 * LoRa air with positions, path loss, shadowing, a demodulation floor, half duplex and collisions
 * (equations and sources in the package documentation). Thread-safe: every method may be called
 * from any thread; receivers' {@code hear} runs outside the medium's lock.
 *
 * <p><b>Sites.</b> Each radio needs a {@link RadioSite} before it can transmit or be attached:
 * {@link #place} registers or moves one, {@link #attach(AttachedRadio, RadioSite)} places and
 * attaches in one call, and the interface's {@link #attach(AttachedRadio)} (what emulators call on
 * start) requires a site placed beforehand. Detaching keeps the site. Radios are told apart by
 * identity.
 *
 * <p><b>Time.</b> {@link #transmit} marks the moment the frame <em>starts</em> on the air (a packet
 * forwarder's {@code imme} downlink); it occupies {@code [now, now + time on air]} by {@link
 * LoraAirtime}. Receivers hear it when it ends, once every transmission that could overlap it is
 * known. A {@link #manual} medium delivers when the test calls {@link #deliverDue()} after moving
 * its clock; a {@link #realTime} medium schedules each delivery for the frame's end. This medium
 * {@linkplain #timesFrames times frames}: the module emulators of hotspot-firmware-bridge call
 * {@code transmit} as their frame starts and report the end of their transmission one time on air
 * later on their own time base, which must be this medium's clock (an accelerated clock and an
 * emulator time base of the same speed in the devnet), so that a frame's place on the air, the
 * sender's half duplex and its receivers' deliveries agree.
 *
 * <p>The frames on the air and their overlaps are kept by {@link FramesOnAir}; who hears a frame,
 * and handing it over, is {@link FrameDelivery}.
 */
public final class SimulatedMedium implements RadioMedium {
  /**
   * Capture threshold, dB: of two overlapping frames on one channel and spreading factor, the
   * stronger survives only when it is at least this much above the other, otherwise both are lost.
   * Common LoRa simulation practice: Bor et al. 2016, "Do LoRa low-power wide-area networks scale?"
   * (LoRaSim) measured capture at 6 dB for equal spreading factors; ns-3's lorawan module uses 6 dB
   * co-SF isolation. Not in radio.md.
   */
  public static final double CAPTURE_THRESHOLD_DB = 6.0;

  /** Slack after a frame's end before a real-time delivery runs, so late-starting rivals land. */
  static final Duration REAL_TIME_GUARD = Duration.ofMillis(2);

  private final LinkBudget budget;
  private final Clock clock;
  private final Optional<ScheduledExecutorService> scheduler;
  private final Object lock = new Object();
  private final Map<AttachedRadio, RadioSite> sites = new IdentityHashMap<>();
  private final List<AttachedRadio> attached = new ArrayList<>();
  private final FramesOnAir air = new FramesOnAir();
  private final FrameDelivery delivery;

  private SimulatedMedium(
      RfEnvironment environment, Clock clock, Optional<ScheduledExecutorService> scheduler) {
    this.budget = new LinkBudget(Objects.requireNonNull(environment, "environment"));
    this.delivery = new FrameDelivery(budget);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = scheduler;
  }

  /** A medium whose frames are delivered by {@link #deliverDue()}, on {@code clock}'s time. */
  public static SimulatedMedium manual(RfEnvironment environment, Clock clock) {
    return new SimulatedMedium(environment, clock, Optional.empty());
  }

  /**
   * A medium on the system clock that delivers each frame on {@code scheduler} when it ends. The
   * caller owns the scheduler and shuts it down.
   */
  public static SimulatedMedium realTime(
      RfEnvironment environment, ScheduledExecutorService scheduler) {
    return new SimulatedMedium(
        environment, Clock.systemUTC(), Optional.of(Objects.requireNonNull(scheduler)));
  }

  /** Always: {@link #transmit} marks a frame's start; the medium delivers it at its end. */
  @Override
  public boolean timesFrames() {
    return true;
  }

  /** The link budget this medium applies. */
  public LinkBudget budget() {
    return budget;
  }

  /** The clock transmissions are stamped with. */
  public Clock clock() {
    return clock;
  }

  /** Registers or moves a radio's site; it need not be attached. */
  public void place(AttachedRadio radio, RadioSite site) {
    Objects.requireNonNull(radio, "radio");
    Objects.requireNonNull(site, "site");
    synchronized (lock) {
      sites.put(radio, site);
    }
  }

  /** Places the radio at {@code site} and attaches it. */
  public void attach(AttachedRadio radio, RadioSite site) {
    place(radio, site);
    attach(radio);
  }

  /**
   * Attaches a radio that has a site; attaching twice has no further effect.
   *
   * @throws IllegalStateException if the radio was never {@linkplain #place placed}
   */
  @Override
  public void attach(AttachedRadio radio) {
    Objects.requireNonNull(radio, "radio");
    synchronized (lock) {
      if (!sites.containsKey(radio)) {
        throw new IllegalStateException(
            "attach: expected a radio placed with place(radio, site) first, got one with no site");
      }
      if (attached.stream().noneMatch(r -> r == radio)) {
        attached.add(radio);
      }
    }
  }

  @Override
  public void detach(AttachedRadio radio) {
    synchronized (lock) {
      attached.removeIf(r -> r == radio);
    }
  }

  /** The site of a radio, if placed. */
  public Optional<RadioSite> siteOf(AttachedRadio radio) {
    synchronized (lock) {
      return Optional.ofNullable(sites.get(radio));
    }
  }

  /**
   * What {@code receiver} would get from a frame {@code sender} sends with {@code settings}, with
   * no rival on the air: the link budget alone.
   *
   * @throws IllegalStateException if either radio has no site
   */
  public Reception predict(AttachedRadio sender, AttachedRadio receiver, RadioSettings settings) {
    synchronized (lock) {
      return delivery.reception(siteFor(sender), siteFor(receiver), settings);
    }
  }

  /**
   * Puts a frame on the air, starting now; see the class comment for when it is heard.
   *
   * @throws IllegalStateException if the sender has no site
   * @throws IllegalArgumentException if the frame is longer than a LoRa payload (255 bytes)
   */
  @Override
  public void transmit(byte[] frame, RadioSettings settings, AttachedRadio sender) {
    Objects.requireNonNull(frame, "frame");
    Objects.requireNonNull(settings, "settings");
    Duration airtime = LoraAirtime.timeOnAir(settings.modulation(), frame.length).duration();
    Transmission tx;
    synchronized (lock) {
      Instant start = clock.instant();
      tx =
          new Transmission(
              air.nextSequence(),
              sender,
              siteFor(sender),
              frame.clone(),
              settings,
              start,
              start.plus(airtime));
      air.add(tx);
    }
    scheduler.ifPresent(
        s ->
            s.schedule(
                () -> deliver(tx),
                airtime.plus(REAL_TIME_GUARD).toNanos() / 1_000,
                TimeUnit.MICROSECONDS));
  }

  /**
   * Delivers every frame that has ended by the clock, oldest end first.
   *
   * @return how many frames were settled (heard by anyone or not)
   */
  public int deliverDue() {
    List<Delivery> deliveries = new ArrayList<>();
    int settled;
    synchronized (lock) {
      Instant now = clock.instant();
      List<Transmission> due = air.due(now);
      due.forEach(t -> deliveries.addAll(delivery.resolve(t, attached, sites, air)));
      settled = due.size();
      air.prune(now);
    }
    delivery.hand(deliveries);
    return settled;
  }

  /** Frames a receiver's {@code hear} threw on; the other receivers still got theirs. */
  public long deliveryFailures() {
    return delivery.failures();
  }

  private void deliver(Transmission tx) {
    List<Delivery> deliveries;
    synchronized (lock) {
      if (tx.delivered) {
        return;
      }
      deliveries = delivery.resolve(tx, attached, sites, air);
      air.prune(clock.instant());
    }
    delivery.hand(deliveries);
  }

  private RadioSite siteFor(AttachedRadio radio) {
    RadioSite site = sites.get(radio);
    if (site == null) {
      throw new IllegalStateException(
          "expected a radio placed with place(radio, site), got one with no site");
    }
    return site;
  }
}
