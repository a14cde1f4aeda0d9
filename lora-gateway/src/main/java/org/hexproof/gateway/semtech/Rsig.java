package org.hexproof.gateway.semtech;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One antenna's view of a packet in a multi-antenna ({@code "jver":2}) rxpk: the elements of its
 * {@code rsig} array (semtech-udp {@code RSig}).
 *
 * @param ant antenna index, ≥ 0
 * @param chan IF channel, ≥ 0
 * @param rssicDbm channel RSSI ({@code rssic}), dBm
 * @param rssisDbm signal RSSI ({@code rssis}), dBm
 * @param lsnrDb SNR ({@code lsnr}), dB, finite
 * @param etime encrypted fine timestamp, base64 as sent
 * @param foffHz frequency offset ({@code foff}), Hz
 * @param ftstat fine-timestamp status
 * @param ftver fine-timestamp version
 * @param ftdelta fine-timestamp delta
 */
public record Rsig(
    int ant,
    int chan,
    int rssicDbm,
    OptionalInt rssisDbm,
    OptionalDouble lsnrDb,
    Optional<String> etime,
    OptionalLong foffHz,
    OptionalInt ftstat,
    OptionalInt ftver,
    OptionalLong ftdelta) {

  /**
   * @throws IllegalArgumentException if {@code ant} or {@code chan} is negative or {@code lsnrDb}
   *     is not finite
   * @throws NullPointerException if an optional is null
   */
  public Rsig {
    if (ant < 0 || chan < 0) {
      throw new IllegalArgumentException("rsig: expected ant, chan ≥ 0, got " + ant + ", " + chan);
    }
    Objects.requireNonNull(rssisDbm, "rssisDbm");
    Objects.requireNonNull(lsnrDb, "lsnrDb");
    Objects.requireNonNull(etime, "etime");
    Objects.requireNonNull(foffHz, "foffHz");
    Objects.requireNonNull(ftstat, "ftstat");
    Objects.requireNonNull(ftver, "ftver");
    Objects.requireNonNull(ftdelta, "ftdelta");
    if (lsnrDb.isPresent() && !Double.isFinite(lsnrDb.getAsDouble())) {
      throw new IllegalArgumentException("rsig.lsnr: expected finite, got " + lsnrDb);
    }
  }

  /** Signal RSSI if reported, else channel RSSI, dBm. */
  public int bestRssiDbm() {
    return rssisDbm.orElse(rssicDbm);
  }

  static Rsig fromJson(Json j) throws MalformedDatagramException {
    return new Rsig(
        j.requiredInt("ant", 0, Integer.MAX_VALUE),
        j.requiredInt("chan", 0, Integer.MAX_VALUE),
        j.requiredInt("rssic", Integer.MIN_VALUE, Integer.MAX_VALUE),
        j.optInt("rssis", Integer.MIN_VALUE, Integer.MAX_VALUE),
        j.optDouble("lsnr"),
        j.optString("etime"),
        j.optLong("foff", Long.MIN_VALUE, Long.MAX_VALUE),
        j.optInt("ftstat", Integer.MIN_VALUE, Integer.MAX_VALUE),
        j.optInt("ftver", Integer.MIN_VALUE, Integer.MAX_VALUE),
        j.optLong("ftdelta", Long.MIN_VALUE, Long.MAX_VALUE));
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("ant", ant);
    o.put("chan", chan);
    o.put("rssic", rssicDbm);
    rssisDbm.ifPresent(v -> o.put("rssis", v));
    lsnrDb.ifPresent(v -> o.put("lsnr", v));
    etime.ifPresent(v -> o.put("etime", v));
    foffHz.ifPresent(v -> o.put("foff", v));
    ftstat.ifPresent(v -> o.put("ftstat", v));
    ftver.ifPresent(v -> o.put("ftver", v));
    ftdelta.ifPresent(v -> o.put("ftdelta", v));
    return o;
  }
}
