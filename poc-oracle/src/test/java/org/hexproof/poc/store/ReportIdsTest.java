package org.hexproof.poc.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ReportIdsTest {
  @Test
  void is_unpadded_base64url_of_the_sha256_of_the_bytes() {
    // SHA-256("abc") = ba7816bf…f20015ad (FIPS 180-2 example)
    assertThat(ReportIds.of("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0")
        .hasSize(43);
  }

  @Test
  void hashes_parts_as_one_concatenation() {
    assertThat(HexFormat.of().formatHex(ReportIds.sha256("a".getBytes(), "bc".getBytes())))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void differs_for_a_single_changed_byte() {
    assertThat(ReportIds.of(new byte[] {1, 2, 3})).isNotEqualTo(ReportIds.of(new byte[] {1, 2, 4}));
  }
}
