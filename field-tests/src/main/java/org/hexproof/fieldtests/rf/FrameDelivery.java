package org.hexproof.fieldtests.rf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.hexproof.bridge.emulator.AttachedRadio;
import org.hexproof.bridge.emulator.Signal;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.fieldtests.rf.FramesOnAir.Transmission;

/**
 * Who hears a frame of a {@link SimulatedMedium} once it ended, and handing it to them: a receiver
 * gets it when it listens on the frame's channel, did not transmit meanwhile, demodulates it by the
 * link budget and captures it over every rival. Deciding runs under the medium's lock; handing runs
 * outside it, and a receiver that throws is counted and does not keep the frame from the others.
 */
final class FrameDelivery {
  private final LinkBudget budget;
  private final AtomicLong failures = new AtomicLong();

  FrameDelivery(LinkBudget budget) {
    this.budget = budget;
  }

  /** What a radio at {@code to} gets from a frame sent at {@code from}: the link budget alone. */
  Reception reception(RadioSite from, RadioSite to, RadioSettings settings) {
    return budget.lora(link(from, to, settings), settings.dataRate());
  }

  /**
   * Who of {@code attached} hears {@code tx}, and how; marks it delivered. Called under the
   * medium's lock.
   */
  List<Delivery> resolve(
      Transmission tx,
      List<AttachedRadio> attached,
      Map<AttachedRadio, RadioSite> sites,
      FramesOnAir air) {
    tx.delivered = true;
    List<Delivery> out = new ArrayList<>();
    for (AttachedRadio radio : attached) {
      if (radio == tx.sender) {
        continue;
      }
      Optional<RadioSettings> channel = channelHearing(radio, tx.settings);
      if (channel.isEmpty() || air.transmittedDuring(radio, tx)) {
        continue;
      }
      RadioSite receiver = sites.get(radio);
      Reception reception = reception(tx.site, receiver, tx.settings);
      if (reception.demodulated() && survivesRivals(tx, reception.powerDbm(), receiver, air)) {
        out.add(new Delivery(radio, tx.frame.clone(), tx.settings, reception.signal()));
      }
    }
    return out;
  }

  /** Hands each frame to its receiver; call outside the medium's lock. */
  void hand(List<Delivery> deliveries) {
    for (Delivery d : deliveries) {
      try {
        if (d.radio instanceof MultiChannelRadio concentrator) {
          concentrator.hear(d.frame, d.settings, d.signal);
        } else {
          d.radio.hear(d.frame, d.signal);
        }
      } catch (RuntimeException e) {
        failures.incrementAndGet();
      }
    }
  }

  /** Frames a receiver's {@code hear} threw on. */
  long failures() {
    return failures.get();
  }

  private static Optional<RadioSettings> channelHearing(AttachedRadio radio, RadioSettings sent) {
    if (radio instanceof MultiChannelRadio concentrator) {
      return concentrator.listeningOn().stream().filter(sent::hears).findFirst();
    }
    return radio.listening().filter(sent::hears);
  }

  /** Capture: {@code tx} survives when it is ≥ 6 dB above every overlapping co-channel frame. */
  private boolean survivesRivals(
      Transmission tx, double powerDbm, RadioSite receiver, FramesOnAir air) {
    return !air.anyRival(
        tx,
        rival -> {
          double rivalDbm = budget.receivedPowerDbm(link(rival.site, receiver, rival.settings));
          return powerDbm - rivalDbm < SimulatedMedium.CAPTURE_THRESHOLD_DB;
        });
  }

  private static Link link(RadioSite from, RadioSite to, RadioSettings settings) {
    return Link.between(from, to, settings.frequencyHz(), settings.txPowerDbm());
  }

  /** A frame for one receiver, with what it measured. */
  record Delivery(AttachedRadio radio, byte[] frame, RadioSettings settings, Signal signal) {}
}
