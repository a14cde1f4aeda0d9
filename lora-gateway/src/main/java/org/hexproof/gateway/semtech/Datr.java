package org.hexproof.gateway.semtech;

import java.util.Objects;

/**
 * The {@code datr} field: a string such as {@code "SF7BW125"} for LoRa, a bit rate (a JSON number)
 * for FSK (radio.md §1.2).
 */
public sealed interface Datr {
  /**
   * LoRa spreading factor and bandwidth as the forwarder writes them.
   *
   * @param text e.g. {@code "SF12BW125"}; not null or blank, kept as sent so unknown rates survive
   */
  record Lora(String text) implements Datr {
    /**
     * @throws IllegalArgumentException if {@code text} is blank
     */
    public Lora {
      Objects.requireNonNull(text, "text");
      if (text.isBlank()) {
        throw new IllegalArgumentException("datr: expected e.g. \"SF7BW125\", got blank");
      }
    }
  }

  /**
   * FSK bit rate.
   *
   * @param bitsPerSecond positive
   */
  record Fsk(long bitsPerSecond) implements Datr {
    /**
     * @throws IllegalArgumentException if not positive
     */
    public Fsk {
      if (bitsPerSecond <= 0) {
        throw new IllegalArgumentException("datr: expected bit/s > 0, got " + bitsPerSecond);
      }
    }
  }
}
