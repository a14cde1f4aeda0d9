package org.hexproof.bridge.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.hexproof.core.testing.fuzz.FuzzTarget;

/**
 * The hotspot config file as a fuzz target: {@link HotspotConfig#load}'s parsing (properties text,
 * then {@link HotspotConfig#fromProperties}) accepts a config or throws the documented {@link
 * IllegalArgumentException} naming the key. Seeds: the shipped example, a WiFi config, one with an
 * H3 location.
 */
public final class DaemonFuzzTargets {
  private static final Path BASE = Path.of("/etc/hexproof");

  private DaemonFuzzTargets() {}

  /** The config target. */
  public static FuzzTarget hotspotConfig() {
    byte[] example = example();
    String text = new String(example, StandardCharsets.UTF_8);
    return FuzzTarget.of(
        "hotspot-config",
        List.of(
            example,
            FuzzTarget.utf8(
                "key-file=k\noracle.url=http://127.0.0.1:1\nlocation=52.09,5.12\n"
                    + "radio.type=esp-at\nwifi.scan-interval=500ms\n"),
            FuzzTarget.utf8(
                text.replace("location = 52.0907,5.1214", "location = 8c3f3a4c2a2b5ff")
                    + "oracle.public-key = 112qB3YaH5bZkCnKA5uRH7tBtGNv2Y5B4smv1jsmvGUzgKT71QpE\n")),
        List.of(IllegalArgumentException.class),
        DaemonFuzzTargets::parse);
  }

  private static void parse(byte[] input) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(new String(input, StandardCharsets.UTF_8)));
    HotspotConfig.fromProperties(p, BASE);
  }

  private static byte[] example() {
    try (InputStream in = HotspotConfig.class.getResourceAsStream("hotspot.example.properties")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
