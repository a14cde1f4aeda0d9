package org.hexproof.gateway.semtech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Built packets: {@code decode(encode(x)) == x}, and the decoded packet re-encodes identically. */
class GwmpRoundTripPropertiesTest {
  @Provide
  Arbitrary<RandomPackets> values() {
    return Arbitraries.randomValue(RandomPackets::new);
  }

  private static void assertRoundTrip(GwmpPacket built) throws MalformedDatagramException {
    byte[] bytes = built.encode();
    GwmpPacket decoded = GwmpCodec.decode(bytes);

    assertThat(decoded).isEqualTo(built);
    assertThat(decoded.hashCode()).isEqualTo(built.hashCode());
    assertThat(decoded.encode()).isEqualTo(bytes);
  }

  @Property(tries = 500)
  void built_push_data_with_rxpk_and_stat_round_trips(@ForAll("values") RandomPackets v)
      throws MalformedDatagramException {
    assertRoundTrip(v.pushData());
  }

  @Property(tries = 300)
  void built_pull_resp_round_trips(@ForAll("values") RandomPackets v)
      throws MalformedDatagramException {
    assertRoundTrip(new PullResp(v.token(), v.txpk()));
  }

  @Property(tries = 200)
  void built_tx_ack_round_trips(@ForAll("values") RandomPackets v)
      throws MalformedDatagramException {
    assertRoundTrip(
        new TxAck(
            v.token(), v.eui(), v.text().isEmpty() ? Optional.empty() : Optional.of(v.txpkAck())));
  }

  @Property(tries = 100)
  void fixed_size_packets_round_trip(@ForAll("values") RandomPackets v)
      throws MalformedDatagramException {
    PullData pull = new PullData(v.token(), v.eui());
    assertRoundTrip(pull);
    assertRoundTrip(pull.ack());
    assertRoundTrip(new PushAck(ProtocolVersion.V1, v.token()));
  }

  @Property(tries = 200)
  void lora_immediate_txpk_keeps_the_frequency_in_hz(@ForAll("values") RandomPackets v)
      throws MalformedDatagramException {
    long hz = v.freqMhz().movePointRight(6).longValue();
    Txpk txpk = Txpk.loraImmediate(hz, "SF12BW125", "4/5", 27, false, v.data().toArray());

    assertThat(txpk.frequencyHz()).isEqualTo(hz);
    assertThat(txpk.sizeMatchesData()).isTrue();
    assertRoundTrip(new PullResp(v.token(), txpk));
  }
}
