package org.hexproof.fieldtests.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hexproof.bridge.oracle.BatchOutcome;
import org.hexproof.bridge.oracle.OracleClient;
import org.hexproof.bridge.oracle.OracleOutcome;
import org.hexproof.bridge.oracle.StubOracle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The devnet's relay records every report the oracle acknowledged, alone or in a batch, so the
 * fleet scenarios can check that none of them is lost (a real HTTP server on 127.0.0.1 speaks the
 * oracle's contract).
 */
@Timeout(20)
class OracleUplinkIT {
  private final StubOracle oracle = new StubOracle();
  private final OracleUplink uplink = OracleUplink.start(oracle.url(), Set.of());

  @AfterEach
  void stop() {
    uplink.close();
    oracle.close();
  }

  @Test
  void records_acknowledgements_of_single_and_batch_requests_under_the_hotspots_name() {
    OracleClient client = OracleClient.create(uplink.urlFor("gw-1"), Optional.empty());
    OracleOutcome single = client.submitBeacon(new byte[] {1});
    BatchOutcome batch = client.submitWitnesses(List.of(new byte[] {2}, new byte[] {3}));

    assertThat(single).isInstanceOf(OracleOutcome.Accepted.class);
    assertThat(batch).isInstanceOf(BatchOutcome.Answered.class);
    List<String> ids =
        ((BatchOutcome.Answered) batch)
            .results().stream()
                .map(r -> ((OracleOutcome.Accepted) r).reportId().orElseThrow())
                .toList();
    assertThat(uplink.acks())
        .containsExactly(
            new AckedReport(
                "gw-1", "beacon", ((OracleOutcome.Accepted) single).reportId().orElseThrow()),
            new AckedReport("gw-1", "witness", ids.get(0)),
            new AckedReport("gw-1", "witness", ids.get(1)));
  }

  @Test
  void records_nothing_the_oracle_did_not_take() {
    oracle.refusePosts(true);
    OracleClient client = OracleClient.create(uplink.urlFor("gw-1"), Optional.empty());
    assertThat(client.submitWitnesses(List.of(new byte[] {2}, new byte[] {3})))
        .isInstanceOf(BatchOutcome.Unavailable.class);
    assertThat(client.submitWitness(new byte[] {4})).isInstanceOf(OracleOutcome.Unavailable.class);
    assertThat(uplink.acks()).isEmpty();
  }
}
