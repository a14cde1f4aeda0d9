package org.hexproof.gateway.semtech;

/** The {@code modu} field: {@code "LORA"} or {@code "FSK"}; its {@link Datr} kind must match. */
public enum Modulation {
  /** LoRa chirp spread spectrum; {@code datr} is a string. */
  LORA,
  /** Frequency-shift keying; {@code datr} is a number of bit/s. */
  FSK;

  /** Whether {@code datr} is of the kind this modulation uses. */
  boolean accepts(Datr datr) {
    return this == LORA ? datr instanceof Datr.Lora : datr instanceof Datr.Fsk;
  }
}
