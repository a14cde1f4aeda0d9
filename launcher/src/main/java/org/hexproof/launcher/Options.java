package org.hexproof.launcher;

import java.util.HexFormat;
import java.util.Locale;
import org.hexproof.fieldtests.sites.City;
import picocli.CommandLine;

/** Parsing helpers that turn bad option values into one-line usage errors naming the option. */
final class Options {
  private Options() {}

  static CommandLine.ParameterException bad(
      CommandLine cli, String option, String expected, Object got) {
    return new CommandLine.ParameterException(
        cli, option + ": expected " + expected + ", got " + quoted(got));
  }

  static byte[] hex(CommandLine cli, String option, String text) {
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    try {
      byte[] bytes = HexFormat.of().parseHex(digits);
      if (bytes.length == 0) {
        throw bad(cli, option, "at least one byte of hex", text);
      }
      return bytes;
    } catch (IllegalArgumentException e) {
      throw bad(cli, option, "hex digits, two per byte", text);
    }
  }

  static int inRange(CommandLine cli, String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw bad(cli, option, min + ".." + max, value);
    }
    return value;
  }

  /**
   * A city of field-tests' {@link City#all()} by a case-insensitive part of its name.
   *
   * @throws CommandLine.ParameterException naming the option when none matches
   */
  static City city(CommandLine cli, String option, String name) {
    return City.all().stream()
        .filter(c -> c.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () -> bad(cli, option, "valletta, amsterdam, lisbon, austin, melbourne", name));
  }

  private static String quoted(Object got) {
    return got instanceof String s ? "\"" + s + "\"" : String.valueOf(got);
  }
}
