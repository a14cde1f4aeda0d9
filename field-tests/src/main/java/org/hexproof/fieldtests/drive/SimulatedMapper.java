package org.hexproof.fieldtests.drive;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.bridge.emulator.AttachedRadio;
import org.hexproof.bridge.emulator.Signal;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.radio.ChannelPlan;
import org.hexproof.core.radio.LoraAirtime;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.fieldtests.rf.ManualClock;
import org.hexproof.fieldtests.rf.RadioSite;
import org.hexproof.fieldtests.rf.SimulatedMedium;
import org.hexproof.fieldtests.sites.City;

/**
 * A mapper driving a {@link DriveRoute} past a {@link DriveFleet}: at every point it sends one
 * packet on a {@link SimulatedMedium} in the city's RF environment with the fleet's seed (so the
 * links see the devnet's path loss and shadowing model), and each hotspot that demodulates it
 * becomes a row of the drive-test file; a packet nobody hears becomes a row with no hearing.
 *
 * <p>The packet goes out at the datarate of the region's beacons ({@link Beacon#PAYLOAD_BYTES}
 * bytes), so the mapper's demodulation floor is the sensitivity the coverage model's "covered"
 * threshold uses; its power follows the region's EIRP limit for a {@value #MAPPER_GAIN_DDBI} ddBi
 * antenna, at most {@value #MAX_POWER_DBM} dBm, from {@value #MAPPER_ELEVATION_METERS} m above
 * ground. Every hotspot listens on the mapper's channel: the drive measures links, not the devnet's
 * listen-channel assignment. Each point is its own radio id ({@code mapper-00001}, …), so each
 * point-to-hotspot link has its own shadowing draw.
 */
public final class SimulatedMapper {
  /** Antenna gain of the mapper, tenths of a dBi: a car-roof or handheld whip. */
  public static final int MAPPER_GAIN_DDBI = 0;

  /** Antenna height of the mapper, metres: a car roof. */
  public static final double MAPPER_ELEVATION_METERS = 1.5;

  /** Highest conducted power used, dBm: a common LoRa module's limit (SX1276 PA_BOOST: 20). */
  public static final int MAX_POWER_DBM = 20;

  private SimulatedMapper() {}

  /**
   * Drives the route and records who heard each packet.
   *
   * @param city the city (region, RF terrain), not null
   * @param seed the RF environment's seed (the devnet uses its fleet seed for both)
   * @param fleet the hotspots, not null
   * @param route the points, in order, not null
   * @param start the time of the first packet, not null
   * @param interval time between packets, longer than one packet's time on air
   * @return one row per hearing, or one row for a packet nobody heard, in route order then fleet
   *     order
   */
  public static List<DriveRow> drive(
      City city,
      long seed,
      List<DriveFleet.Hotspot> fleet,
      List<LatLng> route,
      Instant start,
      Duration interval) {
    Objects.requireNonNull(start, "start");
    ChannelPlan plan = city.region().plan();
    LoraDataRate rate =
        LoraDataRate.fromProto(plan.dataRateFor(Beacon.PAYLOAD_BYTES)).orElseThrow();
    RadioSettings settings =
        RadioSettings.interop(
            plan.channelsHz().get(0),
            rate,
            Math.min(plan.conductedPowerDbm(MAPPER_GAIN_DDBI), MAX_POWER_DBM));
    Duration airtime =
        LoraAirtime.timeOnAir(settings.modulation(), Beacon.PAYLOAD_BYTES).duration();
    if (interval.compareTo(airtime) <= 0) {
      throw new IllegalArgumentException(
          "interval: expected more than one packet's time on air ("
              + airtime
              + "), got "
              + interval);
    }
    ManualClock clock = new ManualClock(start);
    SimulatedMedium medium = SimulatedMedium.manual(city.environment(seed), clock);
    List<Receiver> receivers = new ArrayList<>();
    for (DriveFleet.Hotspot h : fleet) {
      Receiver r = new Receiver(h, settings);
      medium.attach(r, h.site());
      receivers.add(r);
    }
    Sender mapper = new Sender();
    byte[] payload = new byte[Beacon.PAYLOAD_BYTES];
    List<DriveRow> rows = new ArrayList<>();
    for (int i = 0; i < route.size(); i++) {
      LatLng at = route.get(i);
      Instant sentAt = clock.instant();
      String id = String.format(Locale.ROOT, "mapper-%05d", i + 1);
      medium.place(mapper, new RadioSite(id, at, MAPPER_GAIN_DDBI, MAPPER_ELEVATION_METERS));
      payload[0] = (byte) i;
      medium.transmit(payload, settings, mapper);
      clock.advance(interval);
      medium.deliverDue();
      boolean heard = false;
      for (Receiver r : receivers) {
        if (r.heard != null) {
          rows.add(DriveRow.heard(at, sentAt, r.hotspot.key(), r.heard.rssiDbm(), r.heard.snrDb()));
          r.heard = null;
          heard = true;
        }
      }
      if (!heard) {
        rows.add(DriveRow.notHeard(at, sentAt));
      }
    }
    return List.copyOf(rows);
  }

  /** A hotspot's receiver on the mapper's channel; the medium delivers on the caller's thread. */
  private static final class Receiver implements AttachedRadio {
    final DriveFleet.Hotspot hotspot;
    final RadioSettings settings;
    Signal heard;

    Receiver(DriveFleet.Hotspot hotspot, RadioSettings settings) {
      this.hotspot = hotspot;
      this.settings = settings;
    }

    @Override
    public Optional<RadioSettings> listening() {
      return Optional.of(settings);
    }

    @Override
    public void hear(byte[] frame, Signal signal) {
      heard = signal;
    }
  }

  /** The mapper: transmits only. */
  private static final class Sender implements AttachedRadio {
    @Override
    public Optional<RadioSettings> listening() {
      return Optional.empty();
    }

    @Override
    public void hear(byte[] frame, Signal signal) {
      // a mapper does not listen
    }
  }
}
