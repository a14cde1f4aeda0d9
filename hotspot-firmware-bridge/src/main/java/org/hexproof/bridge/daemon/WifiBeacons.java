package org.hexproof.bridge.daemon;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.radio.Region;

/**
 * How a WiFi hotspot puts a beacon on the air: as the SSID of a soft access point.
 *
 * <p>Scheme: {@code "hxp-" + base64url(data[0..20])} without padding, 4 + 27 = 31 ASCII bytes,
 * under the 32-byte SSID limit. Twenty bytes (160 bits) keep beacons unguessable and distinct; the
 * SSID cannot carry all 51. The access point runs on the WiFi channel of the beacon's frequency in
 * the {@link Region#WIFI_2G4} plan (channel n at 2407 + 5·n MHz). A witness reports the 20 decoded
 * bytes as its {@code data} with datarate {@code WIFI_2G4}; the oracle matches it to the beacon
 * whose payload starts with those bytes.
 */
public final class WifiBeacons {
  /** Prefix of every beacon SSID. */
  public static final String SSID_PREFIX = "hxp-";

  /** Payload bytes carried in the SSID. */
  public static final int SSID_PAYLOAD_BYTES = 20;

  private static final int ENCODED_CHARS = 27;

  private WifiBeacons() {}

  /** The SSID advertising {@code beacon}. */
  public static String ssid(Beacon beacon) {
    return SSID_PREFIX
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(Arrays.copyOf(beacon.data(), SSID_PAYLOAD_BYTES));
  }

  /** The 20 payload bytes an SSID carries; empty when it is not a beacon SSID. */
  public static Optional<byte[]> decode(String ssid) {
    if (!ssid.startsWith(SSID_PREFIX) || ssid.length() != SSID_PREFIX.length() + ENCODED_CHARS) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(ssid.substring(SSID_PREFIX.length()));
      return bytes.length == SSID_PAYLOAD_BYTES ? Optional.of(bytes) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The 20-byte prefix of a beacon, as witnesses report it. */
  public static byte[] prefix(Beacon beacon) {
    return Arrays.copyOf(beacon.data(), SSID_PAYLOAD_BYTES);
  }

  /** The 2.4 GHz channel number (1..13) of a frequency in the WiFi plan. */
  public static int channelOf(long frequencyHz) {
    int index = Region.WIFI_2G4.plan().channelsHz().indexOf(frequencyHz);
    if (index < 0) {
      throw new IllegalArgumentException(
          "not a WIFI-2G4 channel frequency: " + frequencyHz + " Hz");
    }
    return index + 1;
  }

  /** The centre frequency of 2.4 GHz channel {@code channel}, Hz (2407 + 5·n MHz; 14 is 2484). */
  public static long frequencyOf(int channel) {
    if (channel == 14) {
      return 2_484_000_000L;
    }
    return 2_407_000_000L + 5_000_000L * channel;
  }
}
