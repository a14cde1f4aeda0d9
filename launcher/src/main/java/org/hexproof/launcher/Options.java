package org.hexproof.launcher;

import java.util.HexFormat;
import java.util.Locale;
import org.hexproof.core.keys.Network;
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

  /** A {@code mainnet|testnet} option, in any case. */
  static Network network(CommandLine cli, String option, String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "mainnet" -> Network.MAINNET;
      case "testnet" -> Network.TESTNET;
      default -> throw bad(cli, option, "mainnet or testnet", text);
    };
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

  /**
   * A whole-number option within a range: anything else (a word, a fraction, out of range) is a
   * one-line usage error naming the range. Subclasses give the range.
   */
  abstract static class Count implements CommandLine.ITypeConverter<Integer> {
    private final int min;
    private final int max;

    Count(int min, int max) {
      this.min = min;
      this.max = max;
    }

    @Override
    public Integer convert(String text) {
      int value;
      try {
        value = Integer.parseInt(text.strip());
      } catch (NumberFormatException e) {
        value = Integer.MIN_VALUE;
      }
      if (value < min || value > max) {
        throw new CommandLine.TypeConversionException(
            "expected " + min + ".." + max + ", got " + quoted(text));
      }
      return value;
    }
  }

  private static String quoted(Object got) {
    return got instanceof String s ? "\"" + s + "\"" : String.valueOf(got);
  }
}
