package org.hexproof.rewards.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.rewards.store.ShareRow;
import org.junit.jupiter.api.Test;

class FeedClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String key(int n) {
    byte[] seed = new byte[32];
    java.util.Arrays.fill(seed, (byte) n);
    return Ed25519KeyPair.fromSeed(Network.MAINNET, seed).publicKey().toBase58();
  }

  private static JsonNode entry(String beaconVerdict, String witnessUnit, boolean selected)
      throws Exception {
    return JSON.readTree(
        "{\"id\": 5, \"beacon\": {\"hotspot\": \""
            + key(1)
            + "\", \"owner\": \""
            + key(2)
            + "\", \"received_at\": \"2026-11-25T03:14:29.500Z\", \"verdict\": \""
            + beaconVerdict
            + "\", \"hex_scale\": \"0.5\", \"reward_unit\": \"1.2\"}, \"witnesses\": ["
            + "{\"hotspot\": \""
            + key(3)
            + "\", \"owner\": \""
            + key(4)
            + "\", \"verdict\": \"valid\", \"selected\": "
            + selected
            + ", \"reward_unit\": \""
            + witnessUnit
            + "\"}]}");
  }

  @Test
  void a_valid_beacon_and_a_selected_witness_give_rows_with_the_beaconers_hex_scale()
      throws Exception {
    List<ShareRow> rows = FeedClient.rows(entry("valid", "0.76", true));

    assertThat(rows)
        .extracting(ShareRow::role)
        .containsExactly(ShareRow.Role.BEACON, ShareRow.Role.WITNESS);
    assertThat(rows.get(0).shares()).isEqualByComparingTo(new BigDecimal("0.6"));
    assertThat(rows.get(1).shares()).isEqualByComparingTo(new BigDecimal("0.38"));
    assertThat(rows.get(1).hotspot().toBase58()).isEqualTo(key(3));
    assertThat(rows.get(1).receivedAt()).isEqualTo(rows.get(0).receivedAt());
  }

  @Test
  void invalid_beacons_unselected_and_zero_unit_witnesses_give_no_rows() throws Exception {
    assertThat(FeedClient.rows(entry("invalid", "1", true))).isEmpty();
    assertThat(FeedClient.rows(entry("valid", "1", false))).hasSize(1);
    assertThat(FeedClient.rows(entry("valid", "0", true))).hasSize(1);
  }

  /** docs/verified-poc-feed.md: rewards pays by verdict and units, whichever profile judged. */
  @Test
  void the_rule_profile_of_newer_entries_changes_no_row() throws Exception {
    JsonNode older = entry("valid", "0.76", true);
    JsonNode newer =
        JSON.readTree(
            older
                .toString()
                .replace("\"hex_scale\":", "\"rule_profile\":\"wifi-2g4\",\"hex_scale\":"));
    assertThat(newer.get("beacon").get("rule_profile").asText()).isEqualTo("wifi-2g4");
    assertThat(older.get("beacon").has("rule_profile")).isFalse();

    assertThat(FeedClient.rows(newer)).hasSize(2).isEqualTo(FeedClient.rows(older));
  }

  @Test
  void an_entry_with_a_bad_key_is_malformed() throws Exception {
    JsonNode bad = JSON.readTree(entry("valid", "1", true).toString().replace(key(1), "xx"));
    assertThatThrownBy(() -> FeedClient.rows(bad)).isInstanceOf(IllegalArgumentException.class);
  }
}
