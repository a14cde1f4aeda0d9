package org.hexproof.gateway.beacon;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.radio.ChannelPlan;
import org.hexproof.core.radio.CodingRate;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.core.radio.LoraModulation;
import org.hexproof.core.radio.Region;
import org.hexproof.gateway.regulation.RegionalRegulator;
import org.hexproof.gateway.regulation.TransmitDecision;
import org.hexproof.gateway.regulation.TransmitRequest;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.semtech.Txpk;
import org.hexproof.gateway.server.DownlinkResult;
import org.hexproof.gateway.server.GatewayServer;

/**
 * Sends beacons through concentrator gateways as gateway-rs does (radio.md §2.2): {@code imme}, the
 * beacon's frequency and datarate, power = trunc((max EIRP − antenna gain) / 10) dBm, {@code codr
 * 4/5}, {@code ipol false}, data = 0xE0 ‖ payload. Each gateway's transmissions are checked against
 * its region's duty cycle and dwell time first; a refused beacon is never sent.
 */
public final class BeaconTransmitter {
  private final GatewayServer server;
  private final Clock clock;
  private final Duration dutyCycleWindow;
  private final Map<Eui64, RegionalRegulator> regulators = new ConcurrentHashMap<>();

  /**
   * @param server the packet-forwarder server the gateways are connected to
   * @param clock the time transmissions are accounted at
   * @param dutyCycleWindow the duty-cycle observation window (1 h under ETSI)
   */
  public BeaconTransmitter(GatewayServer server, Clock clock, Duration dutyCycleWindow) {
    this.server = Objects.requireNonNull(server, "server");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.dutyCycleWindow = Objects.requireNonNull(dutyCycleWindow, "dutyCycleWindow");
  }

  /**
   * Transmits a LoRa beacon through one gateway.
   *
   * @param gateway the concentrator
   * @param region the gateway's region; a gateway keeps the region of its first beacon
   * @param antennaGainDdbi the asserted antenna gain in tenths of a dBi
   * @return the downlink's outcome, {@link DownlinkResult.Refused} when regulation forbids it
   * @throws IllegalArgumentException when the beacon's datarate is not a LoRa one
   */
  public CompletableFuture<DownlinkResult> transmit(
      Eui64 gateway, Beacon beacon, Region region, int antennaGainDdbi) {
    LoraDataRate rate =
        LoraDataRate.fromProto(beacon.dataRate())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "beacon datarate: expected a LoRa datarate, got " + beacon.dataRate()));
    ChannelPlan plan = region.plan();
    int powerDbm = plan.conductedPowerDbm(antennaGainDdbi);
    LoraModulation modulation = LoraModulation.lorawanUplink(rate);
    TransmitRequest request =
        TransmitRequest.lora(
            beacon.frequencyHz(),
            modulation,
            Beacon.FRAME_BYTES,
            clock.instant(),
            powerDbm,
            antennaGainDdbi);
    RegionalRegulator regulator =
        regulators.computeIfAbsent(
            gateway, eui -> new RegionalRegulator(region, dutyCycleWindow, clock));
    TransmitDecision decision = regulator.decide(request);
    if (decision instanceof TransmitDecision.Refused refused) {
      return CompletableFuture.completedFuture(new DownlinkResult.Refused(refused));
    }
    Txpk txpk =
        Txpk.loraImmediate(
            beacon.frequencyHz(),
            rate.name(),
            CodingRate.CR4_5.label(),
            powerDbm,
            false,
            beacon.frame());
    return server.send(gateway, txpk);
  }
}
