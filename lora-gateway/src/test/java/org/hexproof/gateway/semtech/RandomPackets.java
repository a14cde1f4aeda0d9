package org.hexproof.gateway.semtech;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Supplier;

/** Random but valid codec values for round-trip properties: every optional field sometimes set. */
final class RandomPackets {
  private static final String TEXT_CHARS = "azAZ09 -:.\"\\/\t\u00e9\u20ac";

  private final Random r;

  RandomPackets(Random r) {
    this.r = r;
  }

  private <T> Optional<T> maybe(Supplier<T> s) {
    return r.nextBoolean() ? Optional.of(s.get()) : Optional.empty();
  }

  private OptionalInt maybeInt(int min, int max) {
    return r.nextBoolean() ? OptionalInt.of(r.nextInt(min, max)) : OptionalInt.empty();
  }

  private OptionalLong maybeLong(long min, long max) {
    return r.nextBoolean() ? OptionalLong.of(r.nextLong(min, max)) : OptionalLong.empty();
  }

  private OptionalDouble maybeDouble() {
    if (!r.nextBoolean()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(
        switch (r.nextInt(3)) {
          case 0 -> r.nextInt(-300, 300) / 10.0;
          case 1 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-20, 20));
          default -> finiteBits();
        });
  }

  /** Any finite double, subnormals and extreme exponents included. */
  private double finiteBits() {
    double d;
    do {
      d = Double.longBitsToDouble(r.nextLong());
    } while (!Double.isFinite(d));
    return d;
  }

  String text() {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(0, 12);
    for (int i = 0; i < n; i++) {
      sb.append(TEXT_CHARS.charAt(r.nextInt(TEXT_CHARS.length())));
    }
    return sb.toString();
  }

  BigDecimal freqMhz() {
    BigDecimal f = BigDecimal.valueOf(r.nextLong(1, 10_000_000_000L), 6);
    return r.nextBoolean() ? f : f.setScale(r.nextInt(6, 10));
  }

  PhyPayload data() {
    byte[] b = new byte[r.nextInt(0, 256)];
    r.nextBytes(b);
    return PhyPayload.of(b);
  }

  private Datr datr(Modulation m) {
    return m == Modulation.LORA
        ? new Datr.Lora("SF" + r.nextInt(5, 13) + "BW" + (125 << r.nextInt(3)))
        : new Datr.Fsk(r.nextLong(1, 300_000));
  }

  Rsig rsig() {
    return new Rsig(
        r.nextInt(0, 8),
        r.nextInt(0, 16),
        r.nextInt(-140, 0),
        maybeInt(-140, 0),
        maybeDouble(),
        maybe(this::text),
        maybeLong(-100_000, 100_000),
        maybeInt(0, 4),
        maybeInt(0, 4),
        maybeLong(-1000, 1000));
  }

  Rxpk rxpk() {
    Modulation m = r.nextBoolean() ? Modulation.LORA : Modulation.FSK;
    PhyPayload data = data();
    List<Rsig> rsig = new ArrayList<>();
    int antennas = r.nextInt(0, 3);
    for (int i = 0; i < antennas; i++) {
      rsig.add(rsig());
    }
    return new Rxpk(
        maybe(this::text),
        maybeLong(0, Long.MAX_VALUE),
        maybeLong(0, Rxpk.U32_MAX + 1),
        maybeLong(Long.MIN_VALUE, Long.MAX_VALUE),
        freqMhz(),
        maybeInt(0, 64),
        maybeInt(0, 2),
        maybeInt(0, 16),
        maybeInt(-1, 2),
        m,
        datr(m),
        maybe(() -> "4/" + r.nextInt(5, 9)),
        maybeInt(-140, 0),
        maybeInt(-140, 0),
        maybeDouble(),
        maybeLong(-100_000, 100_000),
        r.nextInt(10) == 0 ? r.nextInt(0, 0x10000) : data.length(),
        data,
        maybeInt(1, 3),
        maybeInt(0, 4),
        maybeInt(0, 4),
        maybe(r::nextBoolean),
        rsig);
  }

  Stat stat() {
    return new Stat(
        maybe(this::text),
        maybeDouble(),
        maybeDouble(),
        maybeInt(-500, 9000),
        maybeLong(0, Long.MAX_VALUE),
        maybeLong(0, 1000),
        maybeLong(0, 1000),
        maybeDouble(),
        maybeLong(0, 1000),
        maybeLong(0, 1000),
        maybeDouble());
  }

  Txpk txpk() {
    Modulation m = r.nextBoolean() ? Modulation.LORA : Modulation.FSK;
    PhyPayload data = data();
    return new Txpk(
        r.nextBoolean(),
        maybeLong(0, Rxpk.U32_MAX + 1),
        maybeLong(0, Long.MAX_VALUE),
        freqMhz(),
        r.nextInt(0, 2),
        maybeInt(-10, 40),
        m,
        datr(m),
        maybe(() -> "4/" + r.nextInt(5, 9)),
        maybeInt(0, 50_000),
        r.nextBoolean(),
        maybeInt(0, 65536),
        data.length(),
        data,
        r.nextBoolean(),
        r.nextBoolean());
  }

  TxpkAck txpkAck() {
    return new TxpkAck(
        new TxAckError(r.nextBoolean() ? "NONE" : "X" + text().replace("\"", "")),
        maybe(() -> TxpkAck.WARN_TX_POWER),
        maybeInt(-10, 40),
        maybeLong(0, Rxpk.U32_MAX + 1));
  }

  Token token() {
    return new Token(r.nextInt(0x10000));
  }

  Eui64 eui() {
    return new Eui64(r.nextLong());
  }

  PushData pushData() {
    List<Rxpk> packets = new ArrayList<>();
    int n = r.nextInt(0, 4);
    for (int i = 0; i < n; i++) {
      packets.add(rxpk());
    }
    return new PushData(token(), eui(), new PushPayload(packets, maybe(this::stat)));
  }
}
