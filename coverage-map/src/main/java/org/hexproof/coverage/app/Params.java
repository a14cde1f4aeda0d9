package org.hexproof.coverage.app;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.radio.RadioTechnology;
import org.hexproof.support.http.BadRequestException;

/** Parses query and path values; malformed ones become 400s saying what was expected. */
final class Params {
  private Params() {}

  static double number(String name, String text) {
    if (text == null || text.isBlank()) {
      throw new BadRequestException(name + ": expected a number, got nothing");
    }
    try {
      double v = Double.parseDouble(text.trim());
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + ": expected a number, got \"" + text + "\"");
    }
  }

  static int integer(String name, String text) {
    if (text == null || text.isBlank()) {
      throw new BadRequestException(name + ": expected an integer, got nothing");
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + ": expected an integer, got \"" + text + "\"");
    }
  }

  /** The values of the {@code technology} query parameter. */
  static final String TECHNOLOGIES = "lora or wifi";

  /**
   * Which map a request is about.
   *
   * @param text the query value, null when absent
   * @param absent the technology when absent
   * @return the technology
   */
  static RadioTechnology technology(String text, RadioTechnology absent) {
    if (text == null) {
      return absent;
    }
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "lora" -> RadioTechnology.LORA;
      case "wifi" -> RadioTechnology.WIFI;
      default ->
          throw new BadRequestException(
              "technology: expected " + TECHNOLOGIES + ", got \"" + text + "\"");
    };
  }

  /**
   * The name a technology has in the API: {@code lora} or {@code wifi}.
   *
   * @param technology the technology
   * @return its query value
   */
  static String name(RadioTechnology technology) {
    return technology.name().toLowerCase(java.util.Locale.ROOT);
  }

  static LatLng point(String latName, double lat, String lngName, double lng) {
    if (lat < -90 || lat > 90) {
      throw new BadRequestException(latName + ": expected a latitude in [-90, 90], got " + lat);
    }
    if (lng < -180 || lng > 180) {
      throw new BadRequestException(lngName + ": expected a longitude in [-180, 180], got " + lng);
    }
    return new LatLng(lat, lng);
  }

  static PublicKey key(String name, String text) {
    if (text == null) {
      throw new BadRequestException(name + ": expected a base58check hotspot key, got nothing");
    }
    try {
      return PublicKey.fromBase58(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          name
              + ": expected a base58check hotspot key, got \""
              + text
              + "\" ("
              + e.getMessage()
              + ")");
    }
  }

  static H3Cell cell(String name, String text) {
    if (text == null) {
      throw new BadRequestException(name + ": expected an H3 cell, got nothing");
    }
    try {
      return H3Cell.parse(text.trim());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(name + ": " + e.getMessage());
    }
  }

  static Instant instant(String name, String text) {
    if (text == null) {
      throw new BadRequestException(name + ": expected an ISO-8601 instant, got nothing");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          name
              + ": expected an ISO-8601 instant such as 2026-11-25T03:14:29Z, got \""
              + text
              + "\"");
    }
  }
}
