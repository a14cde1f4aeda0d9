package org.hexproof.bridge.serial;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hexproof.bridge.radio.AccessPoint;

/**
 * Parses ESP-AT scan lines, {@code +CWLAP:(<ecn>,"<ssid>",<rssi>,"<mac>",<channel>,...)} (radio.md
 * §4.4). Fields past the channel (frequency offset, ciphers, protocol bits, WPS) vary by firmware
 * and are ignored; SSIDs may escape {@code ,}, {@code "} and {@code \} with a backslash.
 */
public final class CwlapParser {
  private static final String PREFIX = "+CWLAP:(";

  private CwlapParser() {}

  /**
   * The access point on one {@code +CWLAP:} line.
   *
   * @return empty when the line is not a {@code +CWLAP:} line or a field is malformed
   */
  public static Optional<AccessPoint> parse(String line) {
    String text = line.trim();
    if (!text.startsWith(PREFIX) || !text.endsWith(")")) {
      return Optional.empty();
    }
    List<String> fields = split(text.substring(PREFIX.length(), text.length() - 1));
    if (fields.size() < 5) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new AccessPoint(
              fields.get(1),
              Integer.parseInt(fields.get(2).trim()),
              Integer.parseInt(fields.get(4).trim()),
              fields.get(3)));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  /** Every access point in a scan reply; lines that are not {@code +CWLAP:} are skipped. */
  public static List<AccessPoint> parseAll(List<String> reply) {
    List<AccessPoint> points = new ArrayList<>();
    for (String line : reply) {
      parse(line).ifPresent(points::add);
    }
    return points;
  }

  private static List<String> split(String body) {
    List<String> fields = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        current.append(body.charAt(++i));
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    fields.add(current.toString());
    return fields;
  }
}
