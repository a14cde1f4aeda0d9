package org.hexproof.bridge.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hexproof.bridge.radio.LinkDownException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class SocatPairIT {
  @TempDir Path dir;

  private static final class Lines implements LineReceiver {
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final BlockingQueue<LinkDownException> downs = new LinkedBlockingQueue<>();

    @Override
    public void onLine(String line) {
      lines.add(line);
    }

    @Override
    public void onLinkDown(LinkDownException cause) {
      downs.add(cause);
    }
  }

  @Test
  void carries_lines_both_ways_and_reports_link_down_when_socat_stops()
      throws InterruptedException {
    Lines atA = new Lines();
    Lines atB = new Lines();
    SocatPair pair = SocatPair.start(dir.resolve("a"), dir.resolve("b"));
    try (JsscLineChannel a =
            JsscLineChannel.open(pair.linkA(), 115_200, Duration.ofMillis(5), atA);
        JsscLineChannel b =
            JsscLineChannel.open(pair.linkB(), 115_200, Duration.ofMillis(5), atB)) {
      a.writeLine("AT+PSEND=00FF");
      b.writeLine("OK");
      assertThat(atB.lines.poll(2, TimeUnit.SECONDS)).isEqualTo("AT+PSEND=00FF");
      assertThat(atA.lines.poll(2, TimeUnit.SECONDS)).isEqualTo("OK");

      pair.close();

      assertThat(atA.downs.poll(2, TimeUnit.SECONDS))
          .isNotNull()
          .hasMessageContaining("Input/output error");
      assertThat(Files.exists(pair.linkA(), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
      assertThatThrownBy(() -> a.writeLine("AT")).isInstanceOf(LinkDownException.class);
    } finally {
      pair.close();
    }
  }

  @Test
  void opening_a_missing_device_is_a_link_down() {
    assertThatThrownBy(
            () ->
                JsscLineChannel.open(
                    dir.resolve("nothing"), 9600, Duration.ofMillis(5), new Lines()))
        .isInstanceOf(LinkDownException.class)
        .hasMessageContaining("cannot open");
  }

  @Test
  void names_the_missing_socat_binary() {
    assertThatThrownBy(
            () ->
                SocatPair.start(
                    dir.resolve("no-socat"),
                    dir.resolve("a"),
                    dir.resolve("b"),
                    Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("socat not found")
        .hasMessageContaining("apt-get install socat");
  }
}
