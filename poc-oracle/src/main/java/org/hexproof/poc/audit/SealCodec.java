package org.hexproof.poc.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The canonical bytes of a seal's contents: a fixed header, the verdicts, then the feed entries, in
 * the order the worker wrote them. Integers are big-endian; a text is its UTF-8 length (int) and
 * bytes; an optional value is a 0 or 1 byte followed by the value; an instant is epoch milliseconds
 * (long); a decimal is its plain text with 4 decimals; a location is the H3 index (long).
 *
 * <p>Layout {@value #HEADER} ends each verdict with its rule profile (an optional text); bodies of
 * the earlier layout {@value #HEADER_V1}, which has none, still decode, their verdicts without one.
 */
public final class SealCodec {
  /** The first bytes of every body written now; a new layout gets a new header. */
  static final String HEADER = "hexproof-verdict-seal-v2";

  /** The first layout: verdicts without their rule profile. */
  static final String HEADER_V1 = "hexproof-verdict-seal-v1";

  private SealCodec() {}

  /** What one seal covers. */
  public record Contents(List<SealedVerdict> verdicts, List<SealedFeedEntry> feed) {
    /** Copies. */
    public Contents {
      verdicts = List.copyOf(verdicts);
      feed = List.copyOf(feed);
    }
  }

  /** The canonical bytes of {@code contents}. */
  public static byte[] encode(Contents contents) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 200 * contents.verdicts().size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      text(out, HEADER);
      out.writeInt(contents.verdicts().size());
      for (SealedVerdict v : contents.verdicts()) {
        text(out, v.reportId());
        text(out, v.kind());
        text(out, v.hotspot());
        out.writeLong(v.receivedAt().toEpochMilli());
        optionalText(out, v.beaconReportId());
        text(out, v.verdict());
        optionalText(out, v.reason());
        optionalText(out, v.side());
        text(out, v.detail());
        out.writeBoolean(v.selected());
        text(out, v.rewardUnit().toPlainString());
        optionalText(out, v.hexScale().map(BigDecimal::toPlainString));
        out.writeBoolean(v.location().isPresent());
        if (v.location().isPresent()) {
          out.writeLong(v.location().get());
        }
        out.writeLong(v.verifiedAt().toEpochMilli());
        out.writeBoolean(v.feedId().isPresent());
        if (v.feedId().isPresent()) {
          out.writeLong(v.feedId().get());
        }
        optionalText(out, v.ruleProfile());
      }
      out.writeInt(contents.feed().size());
      for (SealedFeedEntry f : contents.feed()) {
        out.writeLong(f.id());
        text(out, f.beaconReportId());
        out.write(f.entrySha256());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads canonical bytes back.
   *
   * @throws IllegalArgumentException when the bytes are not a seal body of this layout
   */
  public static Contents decode(byte[] body) {
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body))) {
      String header = text(in);
      boolean withProfiles = HEADER.equals(header);
      if (!withProfiles && !HEADER_V1.equals(header)) {
        throw new IllegalArgumentException(
            "seal body: expected header " + HEADER + " or " + HEADER_V1);
      }
      int n = count(in);
      List<SealedVerdict> verdicts = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String reportId = text(in);
        String kind = text(in);
        String hotspot = text(in);
        Instant receivedAt = Instant.ofEpochMilli(in.readLong());
        Optional<String> beacon = optionalText(in);
        String verdict = text(in);
        Optional<String> reason = optionalText(in);
        Optional<String> side = optionalText(in);
        String detail = text(in);
        boolean selected = in.readBoolean();
        BigDecimal unit = new BigDecimal(text(in));
        Optional<BigDecimal> hexScale = optionalText(in).map(BigDecimal::new);
        Optional<Long> location = in.readBoolean() ? Optional.of(in.readLong()) : Optional.empty();
        Instant verifiedAt = Instant.ofEpochMilli(in.readLong());
        Optional<Long> feedId = in.readBoolean() ? Optional.of(in.readLong()) : Optional.empty();
        Optional<String> ruleProfile = withProfiles ? optionalText(in) : Optional.empty();
        verdicts.add(
            new SealedVerdict(
                reportId,
                kind,
                hotspot,
                receivedAt,
                beacon,
                verdict,
                reason,
                side,
                detail,
                selected,
                unit,
                hexScale,
                location,
                verifiedAt,
                feedId,
                ruleProfile));
      }
      int m = count(in);
      List<SealedFeedEntry> feed = new ArrayList<>(m);
      for (int i = 0; i < m; i++) {
        long id = in.readLong();
        String beacon = text(in);
        byte[] sha = in.readNBytes(32);
        if (sha.length != 32) {
          throw new EOFException("feed entry digest cut short");
        }
        feed.add(new SealedFeedEntry(id, beacon, sha));
      }
      if (in.read() != -1) {
        throw new IllegalArgumentException("seal body: trailing bytes");
      }
      return new Contents(verdicts, feed);
    } catch (IOException | NumberFormatException e) {
      throw new IllegalArgumentException("seal body: " + e, e);
    }
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 10_000_000) {
      throw new IllegalArgumentException("seal body: bad count " + n);
    }
    return n;
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static void optionalText(DataOutputStream out, Optional<String> s) throws IOException {
    out.writeBoolean(s.isPresent());
    if (s.isPresent()) {
      text(out, s.get());
    }
  }

  private static String text(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 20) {
      throw new IllegalArgumentException("seal body: bad text length " + n);
    }
    byte[] b = in.readNBytes(n);
    if (b.length != n) {
      throw new EOFException("text cut short");
    }
    return new String(b, StandardCharsets.UTF_8);
  }

  private static Optional<String> optionalText(DataInputStream in) throws IOException {
    return in.readBoolean() ? Optional.of(text(in)) : Optional.empty();
  }
}
