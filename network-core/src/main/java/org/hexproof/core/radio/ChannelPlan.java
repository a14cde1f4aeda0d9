package org.hexproof.core.radio;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.core.proto.DataRate;

/**
 * The channels and limits a region's hotspots beacon under.
 *
 * @param technology LoRa or WiFi
 * @param channelsHz beacon channel centre frequencies in hertz, in the order the beacon's channel
 *     index selects from (radio.md §2.2 step 5)
 * @param bandwidthHz channel bandwidth in hertz
 * @param maxEirpDdbm maximum EIRP in tenths of a dBm (Helium {@code max_eirp})
 * @param spreading size-to-spreading-factor table in stored order; empty for WiFi
 * @param dutyCycleBands regulatory sub-bands with a duty-cycle limit; empty where none applies
 * @param dwellTime longest single transmission allowed on a channel, if the region limits it
 */
public record ChannelPlan(
    RadioTechnology technology,
    List<Long> channelsHz,
    long bandwidthHz,
    int maxEirpDdbm,
    List<SpreadingLimit> spreading,
    List<DutyCycleBand> dutyCycleBands,
    Optional<Duration> dwellTime) {

  /** Validates and copies the lists. */
  public ChannelPlan {
    Objects.requireNonNull(technology, "technology");
    Objects.requireNonNull(dwellTime, "dwellTime");
    channelsHz = List.copyOf(channelsHz);
    spreading = List.copyOf(spreading);
    dutyCycleBands = List.copyOf(dutyCycleBands);
    if (channelsHz.isEmpty()) {
      throw new IllegalArgumentException("channel plan: expected at least one channel");
    }
    if (bandwidthHz <= 0) {
      throw new IllegalArgumentException("bandwidth: expected > 0 Hz, got " + bandwidthHz);
    }
    if (technology == RadioTechnology.LORA && spreading.isEmpty()) {
      throw new IllegalArgumentException("LoRa channel plan: expected a spreading table");
    }
    if (technology == RadioTechnology.LORA && LoraBandwidth.fromHertz(bandwidthHz).isEmpty()) {
      throw new IllegalArgumentException("LoRa bandwidth: not a LoRa bandwidth: " + bandwidthHz);
    }
  }

  /**
   * The channel a beacon goes out on: {@code channels[channelSeed % channels.size()]}.
   *
   * @param channelSeed the little-endian u16 of the beacon's first two bytes, 0..65535
   */
  public long channelFor(int channelSeed) {
    if (channelSeed < 0 || channelSeed > 0xFFFF) {
      throw new IllegalArgumentException("channel seed: expected 0..65535, got " + channelSeed);
    }
    return channelsHz.get(channelSeed % channelsHz.size());
  }

  /**
   * The datarate for a packet of this size: the first row of the spreading table, in stored order,
   * whose limit is at least the size, with the plan's bandwidth (poc-rules.md §1.8). WiFi plans
   * always answer {@link DataRate#WIFI_2G4}.
   *
   * @throws IllegalArgumentException when no row allows a packet this large
   */
  public DataRate dataRateFor(int packetBytes) {
    if (technology == RadioTechnology.WIFI) {
      return DataRate.WIFI_2G4;
    }
    LoraBandwidth bw = LoraBandwidth.fromHertz(bandwidthHz).orElseThrow();
    return spreading.stream()
        .filter(row -> row.maxPacketBytes() >= packetBytes)
        .findFirst()
        .map(row -> new LoraDataRate(row.spreadingFactor(), bw))
        .flatMap(LoraDataRate::toProto)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no spreading factor in this plan carries " + packetBytes + " bytes"));
  }

  /**
   * Conducted power for an antenna of this gain: {@code trunc((maxEirp − gain) / 10)} dBm, both in
   * tenths (radio.md §2.2 step 7).
   */
  public int conductedPowerDbm(int antennaGainDdbi) {
    return (maxEirpDdbm - antennaGainDdbi) / 10;
  }

  /** The duty-cycle band a frequency falls in, if any. */
  public Optional<DutyCycleBand> dutyCycleBandOf(long frequencyHz) {
    return dutyCycleBands.stream().filter(b -> b.contains(frequencyHz)).findFirst();
  }
}
