package org.hexproof.core.radio;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hexproof.core.proto.DataRate;

/**
 * A LoRa datarate: spreading factor and bandwidth, written as packet forwarders do ({@code
 * "SF12BW125"}).
 *
 * @param spreadingFactor 5..12
 * @param bandwidth the channel bandwidth
 */
public record LoraDataRate(int spreadingFactor, LoraBandwidth bandwidth) {
  private static final Pattern NAME = Pattern.compile("SF(\\d{1,2})BW([0-9.]+)");

  /** Validates the spreading factor. */
  public LoraDataRate {
    Objects.requireNonNull(bandwidth, "bandwidth");
    if (spreadingFactor < 5 || spreadingFactor > 12) {
      throw new IllegalArgumentException(
          "spreading factor: expected 5..12, got " + spreadingFactor);
    }
  }

  /**
   * Parses the packet-forwarder form, e.g. {@code "SF9BW125"}.
   *
   * @throws IllegalArgumentException naming the expected form when {@code name} is not one
   */
  public static LoraDataRate parse(String name) {
    Matcher m = NAME.matcher(name == null ? "" : name.trim().toUpperCase(java.util.Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "datarate: expected SF<5..12>BW<kHz> such as SF12BW125, got \"" + name + "\"");
    }
    LoraBandwidth bw =
        LoraBandwidth.fromKilohertz(m.group(2))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "datarate: unknown bandwidth " + m.group(2) + " kHz in \"" + name + "\""));
    return new LoraDataRate(Integer.parseInt(m.group(1)), bw);
  }

  /** The protobuf datarate, when the wire enum has one (SF7..12 at 125, 250 and 500 kHz). */
  public Optional<DataRate> toProto() {
    try {
      return Optional.of(DataRate.valueOf(name()));
    } catch (IllegalArgumentException notOnTheWire) {
      return Optional.empty();
    }
  }

  /** The datarate a protobuf value names, when it is a LoRa one. */
  public static Optional<LoraDataRate> fromProto(DataRate dataRate) {
    if (dataRate == null || !NAME.matcher(dataRate.name()).matches()) {
      return Optional.empty();
    }
    return Optional.of(parse(dataRate.name()));
  }

  /** The packet-forwarder form, e.g. {@code "SF12BW125"}. */
  public String name() {
    return "SF" + spreadingFactor + "BW" + bandwidth.kilohertzLabel();
  }

  @Override
  public String toString() {
    return name();
  }
}
