package org.hexproof.core.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.HexFormat;
import org.hexproof.core.proto.EntropyReport;
import org.junit.jupiter.api.Test;

class EntropyTest {
  @Test
  void remote_entropy_takes_data_timestamp_and_version_from_the_report() {
    byte[] data =
        HexFormat.of().parseHex("b6aa3f80d9355f139d998626b8d1ff1776cda36ae11a10006a8d516546276b09");
    EntropyReport report =
        EntropyReport.newBuilder()
            .setData(ByteString.copyFrom(data))
            .setTimestampS(1_677_163_710L)
            .setVersion(1)
            .build();

    Entropy remote = Entropy.remote(report);

    assertThat(remote).isEqualTo(new Entropy(data, 1_677_163_710L, 1));
    assertThat(remote.data()).isEqualTo(data);
  }
}
