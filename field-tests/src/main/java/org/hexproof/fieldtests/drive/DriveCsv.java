package org.hexproof.fieldtests.drive;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.PublicKey;

/**
 * Reads and writes drive-test files (docs/drive-test-csv.md). The reader is strict: the first
 * problem ends the read with a {@link DriveCsvException} naming the file, line, column and what was
 * expected, so a file with any bad row yields nothing.
 */
public final class DriveCsv {
  /** The header line, exactly. */
  public static final String HEADER = "lat,lng,time,rssi,snr,heard_by";

  static final String[] COLUMNS = HEADER.split(",");

  /**
   * RSSI and SNR bounds: those the coverage service accepts ({@code MeasurementController}), so a
   * file that reads here is never refused there.
   */
  public static final double MIN_RSSI_DBM = -200;

  /** See {@link #MIN_RSSI_DBM}. */
  public static final double MAX_RSSI_DBM = 50;

  /** See {@link #MIN_RSSI_DBM}. */
  public static final double MIN_SNR_DB = -50;

  /** See {@link #MIN_RSSI_DBM}. */
  public static final double MAX_SNR_DB = 50;

  /** Plain decimals only: no exponent, NaN, infinity, hex or surrounding blanks. */
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

  private DriveCsv() {}

  /**
   * Reads a file's content.
   *
   * @param file the name to put in error messages
   * @param content the bytes, UTF-8 (a leading byte-order mark and CRLF line ends are accepted)
   * @return the rows in file order, at least one
   * @throws DriveCsvException at the first problem
   */
  public static List<DriveRow> parse(String file, byte[] content) {
    String text = utf8(file, content);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1); // the newline ending the last line
    }
    String header = stripCr(lines.get(0));
    if (!HEADER.equals(header)) {
      throw new DriveCsvException(
          file, 1, 0, "expected the header \"" + HEADER + "\", got \"" + header + "\"");
    }
    if (lines.size() == 1) {
      throw new DriveCsvException(file, 1, 0, "expected at least one row after the header");
    }
    List<DriveRow> rows = new ArrayList<>(lines.size() - 1);
    Map<String, Integer> silentPoints = new HashMap<>();
    Map<String, Integer> heardPoints = new HashMap<>();
    Map<String, Integer> hearings = new HashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      int line = i + 1;
      DriveRow row = row(file, line, stripCr(lines.get(i)));
      String point = row.location() + "@" + row.time();
      if (row.hearing().isEmpty()) {
        Integer silent = silentPoints.get(point);
        Integer heard = heardPoints.get(point);
        if (silent != null || heard != null) {
          throw new DriveCsvException(
              file,
              line,
              6,
              "expected a hotspot key: line "
                  + (silent != null
                      ? silent + " already says nobody heard"
                      : heard + " has a hearing of")
                  + " the same point (lat, lng, time)");
        }
        silentPoints.put(point, line);
      } else {
        Integer silent = silentPoints.get(point);
        if (silent != null) {
          throw new DriveCsvException(
              file,
              line,
              6,
              "expected nothing: line "
                  + silent
                  + " says nobody heard the same point (lat, lng, time)");
        }
        String hearing = point + "#" + row.hearing().get().hotspot().toBase58();
        Integer earlier = hearings.putIfAbsent(hearing, line);
        if (earlier != null) {
          throw new DriveCsvException(
              file,
              line,
              6,
              "expected one row per point and hotspot, but line "
                  + earlier
                  + " has the same point and hotspot");
        }
        heardPoints.putIfAbsent(point, line);
      }
      rows.add(row);
    }
    return List.copyOf(rows);
  }

  private static DriveRow row(String file, int line, String text) {
    if (text.isEmpty()) {
      throw new DriveCsvException(
          file, line, 0, "expected a row of 6 comma-separated fields, got an empty line");
    }
    String[] f = text.split(",", -1);
    if (f.length != COLUMNS.length) {
      throw new DriveCsvException(
          file,
          line,
          0,
          "expected 6 comma-separated fields ("
              + HEADER
              + "), got "
              + f.length
              + ": \""
              + text
              + "\"");
    }
    double lat = decimal(file, line, 1, f[0], -90, 90, "a latitude in degrees in [-90, 90]");
    double lng = decimal(file, line, 2, f[1], -180, 180, "a longitude in degrees in [-180, 180]");
    Instant time = time(file, line, f[2]);
    LatLng at = new LatLng(lat, lng);
    if (f[5].isEmpty()) {
      for (int c = 4; c <= 5; c++) {
        if (!f[c - 1].isEmpty()) {
          throw new DriveCsvException(
              file,
              line,
              c,
              "expected nothing when heard_by is empty (nobody heard the packet), got \""
                  + f[c - 1]
                  + "\"");
        }
      }
      return DriveRow.notHeard(at, time);
    }
    double rssi =
        decimal(file, line, 4, f[3], MIN_RSSI_DBM, MAX_RSSI_DBM, "an RSSI in dBm in [-200, 50]");
    double snr = decimal(file, line, 5, f[4], MIN_SNR_DB, MAX_SNR_DB, "an SNR in dB in [-50, 50]");
    PublicKey key;
    try {
      key = PublicKey.fromBase58(f[5]);
    } catch (IllegalArgumentException e) {
      throw new DriveCsvException(
          file,
          line,
          6,
          "expected a base58check hotspot key, got \"" + f[5] + "\" (" + e.getMessage() + ")");
    }
    return DriveRow.heard(at, time, key, rssi, snr);
  }

  private static double decimal(
      String file, int line, int column, String text, double min, double max, String what) {
    if (text.isEmpty() && column >= 4) {
      throw new DriveCsvException(
          file, line, column, "expected " + what + " when heard_by names a hotspot, got nothing");
    }
    if (!DECIMAL.matcher(text).matches()) {
      throw new DriveCsvException(
          file, line, column, "expected " + what + " as a plain decimal, got \"" + text + "\"");
    }
    double v = Double.parseDouble(text);
    if (v < min || v > max) {
      throw new DriveCsvException(file, line, column, "expected " + what + ", got " + text);
    }
    return v + 0.0; // "-0" reads as 0, as write() prints it, so a row read twice is one row
  }

  private static Instant time(String file, int line, String text) {
    String expected = "expected an ISO-8601 UTC time like 2026-11-25T06:30:00Z";
    if (!text.endsWith("Z")) {
      throw new DriveCsvException(file, line, 3, expected + ", got \"" + text + "\"");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new DriveCsvException(file, line, 3, expected + ", got \"" + text + "\"");
    }
  }

  private static String utf8(String file, byte[] content) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      throw new DriveCsvException(file, 1, 0, "expected UTF-8 text, got bytes that are not");
    }
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /**
   * Writes rows as a drive-test file: the header, then one line per row, each ending in a newline.
   * Numbers are written as they are held (shortest exact decimal), so {@code parse(write(rows))}
   * gives the rows back.
   *
   * @param rows the rows, at least one
   * @return the file's text
   */
  public static String write(List<DriveRow> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("rows: expected at least one, got none");
    }
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (DriveRow r : rows) {
      out.append(plain(r.location().latDegrees()))
          .append(',')
          .append(plain(r.location().lngDegrees()))
          .append(',')
          .append(r.time())
          .append(',');
      Optional<DriveRow.Hearing> h = r.hearing();
      if (h.isPresent()) {
        out.append(plain(h.get().rssiDbm()))
            .append(',')
            .append(plain(h.get().snrDb()))
            .append(',')
            .append(h.get().hotspot().toBase58());
      } else {
        out.append(",,");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String plain(double v) {
    String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s.toLowerCase(Locale.ROOT);
  }
}
