package org.hexproof.fieldtests.rf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.hexproof.bridge.emulator.AttachedRadio;
import org.hexproof.bridge.radio.RadioSettings;

/**
 * The frames of a {@link SimulatedMedium} that are on the air or were recently, and which of them
 * overlap: in time and channel (rivals, for collisions) or with a receiver's own frames (half
 * duplex). A frame stays until it is delivered and can no longer overlap a frame still to be
 * delivered. Not thread-safe: the medium calls every method under its lock.
 */
final class FramesOnAir {
  private final List<Transmission> transmissions = new ArrayList<>();
  private long nextSequence;

  /** The sequence number of the next frame: frames are numbered in the order they are put on. */
  long nextSequence() {
    return nextSequence++;
  }

  /** Puts a frame on the air. */
  void add(Transmission tx) {
    transmissions.add(tx);
  }

  /** The frames not yet delivered that have ended by {@code now}, oldest end first. */
  List<Transmission> due(Instant now) {
    return transmissions.stream()
        .filter(t -> !t.delivered && !t.end.isAfter(now))
        .sorted(Comparator.comparing((Transmission t) -> t.end).thenComparing(t -> t.seq))
        .toList();
  }

  /** Half duplex: a radio hears nothing while any of its own frames is on the air. */
  boolean transmittedDuring(AttachedRadio radio, Transmission tx) {
    return transmissions.stream().anyMatch(t -> t.sender == radio && t.overlaps(tx));
  }

  /**
   * Whether {@code test} holds for any rival of {@code tx}: another frame on its channel that
   * overlaps it in time. Stops at the first, in the order the frames were put on the air.
   */
  boolean anyRival(Transmission tx, Predicate<Transmission> test) {
    for (Transmission rival : transmissions) {
      if (rival == tx || !rival.sameChannel(tx) || !rival.overlaps(tx)) {
        continue;
      }
      if (test.test(rival)) {
        return true;
      }
    }
    return false;
  }

  /** Drops settled frames that can no longer overlap an unsettled or future one. */
  void prune(Instant now) {
    Instant horizon =
        transmissions.stream()
            .filter(t -> !t.delivered)
            .map(t -> t.start)
            .min(Comparator.naturalOrder())
            .filter(earliest -> earliest.isBefore(now))
            .orElse(now);
    transmissions.removeIf(t -> t.delivered && !t.end.isAfter(horizon));
  }

  /** One frame on (or recently on) the air; {@code delivered} is guarded by the medium's lock. */
  static final class Transmission {
    final long seq;
    final AttachedRadio sender;
    final RadioSite site;
    final byte[] frame;
    final RadioSettings settings;
    final Instant start;
    final Instant end;
    boolean delivered;

    Transmission(
        long seq,
        AttachedRadio sender,
        RadioSite site,
        byte[] frame,
        RadioSettings settings,
        Instant start,
        Instant end) {
      this.seq = seq;
      this.sender = sender;
      this.site = site;
      this.frame = frame;
      this.settings = settings;
      this.start = start;
      this.end = end;
    }

    boolean overlaps(Transmission other) {
      return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /**
     * Same frequency and datarate. Different spreading factors are treated as orthogonal and
     * different sync words or IQ polarity still interfere: it is the same energy in the channel.
     */
    boolean sameChannel(Transmission other) {
      return settings.frequencyHz() == other.settings.frequencyHz()
          && settings.dataRate().equals(other.settings.dataRate());
    }
  }
}
