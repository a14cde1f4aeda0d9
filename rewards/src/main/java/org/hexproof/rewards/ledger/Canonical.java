package org.hexproof.rewards.ledger;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.hexproof.core.token.TokenAmount;

/** Reading helpers shared by the canonical layouts' decoders. */
final class Canonical {
  private Canonical() {}

  static void expectPrefix(ByteBuffer in, byte[] prefix, String what) {
    byte[] actual = take(in, prefix.length);
    if (!Arrays.equals(actual, prefix)) {
      throw new MalformedLedgerBytesException(
          what
              + ": expected domain prefix "
              + HexFormat.of().formatHex(prefix)
              + ", got "
              + HexFormat.of().formatHex(actual));
    }
  }

  static byte[] take(ByteBuffer in, int length) {
    byte[] out = new byte[length];
    in.get(out);
    return out;
  }

  static TokenAmount amount(ByteBuffer in, String what) {
    long value = in.getLong();
    if (value < 0) {
      throw new MalformedLedgerBytesException(
          what
              + ": expected an amount below 2^63 base units, got u64 "
              + Long.toUnsignedString(value));
    }
    return TokenAmount.of(value);
  }

  static long unsigned63(ByteBuffer in, String what) {
    long value = in.getLong();
    if (value < 0) {
      throw new MalformedLedgerBytesException(
          what + ": expected a value below 2^63, got u64 " + Long.toUnsignedString(value));
    }
    return value;
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
