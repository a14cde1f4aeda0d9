package org.hexproof.launcher;

/** Entry point of the hexproof jar. */
public final class Hexproof {
  private Hexproof() {}

  public static void main(String[] args) {}
}
