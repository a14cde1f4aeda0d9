package org.hexproof.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hexproof.core.radio.CodingRate;
import org.hexproof.core.radio.LoraAirtime;
import org.hexproof.core.radio.LoraBandwidth;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.core.radio.LoraModulation;
import org.hexproof.core.radio.TimeOnAir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hexproof airtime}: LoRa time on air of one packet (radio.md §3.1). */
@Command(
    name = "airtime",
    mixinStandardHelpOptions = true,
    description = "LoRa time on air of one packet, exact to the microsecond.")
final class AirtimeCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--sf", required = true, paramLabel = "N", description = "spreading factor 5..12")
  int spreadingFactor;

  @Option(
      names = "--bw-khz",
      required = true,
      paramLabel = "N",
      description = "bandwidth in kHz: 125, 250, 500 or 7.8, 10.4, 15.6, 20.8, 31.25, 41.7, 62.5")
  String bandwidthKhz;

  @Option(
      names = "--payload-bytes",
      required = true,
      paramLabel = "N",
      description = "PHY payload bytes 0..255 (a beacon is 52)")
  int payloadBytes;

  @Option(
      names = "--cr",
      defaultValue = "1",
      paramLabel = "1..4",
      description = "coding rate 4/(4+CR); default 1 (4/5)")
  int codingRate;

  @Option(
      names = "--preamble",
      defaultValue = "8",
      paramLabel = "N",
      description = "preamble symbols 6..65535; default 8")
  int preamble;

  @Option(names = "--no-crc", description = "payload CRC off (LoRaWAN downlinks)")
  boolean noCrc;

  @Option(names = "--implicit-header", description = "implicit header mode (required at SF6)")
  boolean implicitHeader;

  @Option(
      names = "--ldro",
      defaultValue = "auto",
      paramLabel = "auto|on|off",
      description = "low-data-rate optimisation; auto = on when a symbol lasts over 16 ms")
  String ldro;

  @Override
  public void run() {
    CommandLine cli = spec.commandLine();
    Options.inRange(cli, "--sf", spreadingFactor, 5, 12);
    LoraBandwidth bandwidth =
        LoraBandwidth.fromKilohertz(bandwidthKhz)
            .orElseThrow(
                () ->
                    Options.bad(
                        cli,
                        "--bw-khz",
                        "one of 7.8, 10.4, 15.6, 20.8, 31.25, 41.7, 62.5, 125, 250, 500",
                        bandwidthKhz));
    Options.inRange(cli, "--payload-bytes", payloadBytes, 0, LoraAirtime.MAX_PAYLOAD_BYTES);
    Options.inRange(cli, "--cr", codingRate, 1, 4);
    Options.inRange(cli, "--preamble", preamble, 6, 65_535);
    Optional<Boolean> lowDataRate =
        switch (ldro) {
          case "auto" -> Optional.empty();
          case "on" -> Optional.of(true);
          case "off" -> Optional.of(false);
          default -> throw Options.bad(cli, "--ldro", "auto, on or off", ldro);
        };
    if (spreadingFactor == 6 && !implicitHeader) {
      throw Options.bad(
          cli, "--implicit-header", "present with --sf 6 (SF6 has no explicit header)", "absent");
    }
    LoraModulation modulation =
        new LoraModulation(
            new LoraDataRate(spreadingFactor, bandwidth),
            CodingRate.ofCr(codingRate),
            preamble,
            !noCrc,
            implicitHeader,
            lowDataRate);
    TimeOnAir toa = LoraAirtime.timeOnAir(modulation, payloadBytes);

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("time_on_air_ms", toa.millis().stripTrailingZeros());
    result.put("symbols", toa.symbols());
    Json.print(spec.commandLine().getOut(), result);
  }
}
