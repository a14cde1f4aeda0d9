package org.hexproof.fieldtests.forwarder;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.radio.CodingRate;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.core.radio.Region;
import org.hexproof.gateway.semtech.Datr;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.semtech.Modulation;
import org.hexproof.gateway.semtech.PhyPayload;
import org.hexproof.gateway.semtech.Txpk;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fleet")
class TxpkSettingsTest {
  private static final ForwarderSite SITE =
      ForwarderSite.at(
          Eui64.parse("AA555A0000000001"), Region.EU868, new LatLng(52.3731, 4.8926), 58);

  @Test
  void a_beacon_txpk_keys_up_with_its_frequency_datarate_power_and_polarity() {
    Txpk beacon = Txpk.loraImmediate(867_900_000L, "SF12BW125", "4/5", 10, false, new byte[52]);

    assertThat(TxpkSettings.of(beacon, SITE))
        .contains(
            new RadioSettings(
                867_900_000L,
                LoraDataRate.parse("SF12BW125"),
                CodingRate.CR4_5,
                10,
                8,
                true,
                false));
  }

  @Test
  void missing_power_defaults_to_the_plans_conducted_power_and_odd_values_are_clamped() {
    Txpk txpk =
        new Txpk(
            true,
            OptionalLong.empty(),
            OptionalLong.empty(),
            new BigDecimal("868.1"),
            0,
            OptionalInt.empty(),
            Modulation.LORA,
            new Datr.Lora("SF7BW125"),
            Optional.of("4/8"),
            OptionalInt.empty(),
            true,
            OptionalInt.of(2),
            1,
            PhyPayload.of(new byte[] {1}),
            false,
            false);

    RadioSettings settings = TxpkSettings.of(txpk, SITE).orElseThrow();

    assertThat(settings.txPowerDbm()).isEqualTo(10); // trunc((161 - 58) / 10)
    assertThat(settings.codingRate()).isEqualTo(CodingRate.CR4_8);
    assertThat(settings.preambleSymbols()).isEqualTo(6);
    assertThat(settings.iqInverted()).isTrue();
  }

  @Test
  void fsk_and_unknown_coding_rates_are_not_transmitted() {
    Txpk fsk =
        new Txpk(
            true,
            OptionalLong.empty(),
            OptionalLong.empty(),
            new BigDecimal("868.8"),
            0,
            OptionalInt.of(14),
            Modulation.FSK,
            new Datr.Fsk(50_000),
            Optional.empty(),
            OptionalInt.of(25_000),
            false,
            OptionalInt.empty(),
            1,
            PhyPayload.of(new byte[] {1}),
            false,
            false);
    Txpk badCodr = Txpk.loraImmediate(868_100_000L, "SF7BW125", "4/9", 14, false, new byte[] {1});
    Txpk badDatr = Txpk.loraImmediate(868_100_000L, "SF13BW125", "4/5", 14, false, new byte[] {1});

    assertThat(TxpkSettings.of(fsk, SITE)).isEmpty();
    assertThat(TxpkSettings.of(badCodr, SITE)).isEmpty();
    assertThat(TxpkSettings.of(badDatr, SITE)).isEmpty();
  }
}
