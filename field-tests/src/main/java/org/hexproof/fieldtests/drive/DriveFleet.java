package org.hexproof.fieldtests.drive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.KeyFileFormat;
import org.hexproof.core.keys.MalformedKeyException;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.fieldtests.rf.RadioSite;
import org.hexproof.fieldtests.sites.City;
import org.hexproof.fieldtests.sites.SiteSampler;

/**
 * The simulated fleet a mapper drives past: the devnet's sites for the same city, count and seed
 * ({@link SiteSampler} at the PoC minimum separation, names {@code h01}, {@code h02}, …, antennas
 * of 3 dBi at 10 m, as {@code Devnet} places them), with keys either read from a devnet's data
 * directory (so a drive file names the hotspots of that devnet's map) or derived from the seed.
 */
public final class DriveFleet {
  /** Antenna gain of a devnet hotspot, tenths of a dBi (Devnet's hotspot config). */
  public static final int HOTSPOT_GAIN_DDBI = 30;

  /** Antenna height of a devnet hotspot, metres (Devnet's hotspot config). */
  public static final double HOTSPOT_ELEVATION_METERS = 10.0;

  /**
   * One hotspot.
   *
   * @param name {@code hNN}, its radio id on the medium (the shadowing key)
   * @param key its public key
   * @param site where it stands
   */
  public record Hotspot(String name, PublicKey key, RadioSite site) {
    /** Validates. */
    public Hotspot {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(site, "site");
    }
  }

  private DriveFleet() {}

  /**
   * A fleet whose keys are derived from the seed: Ed25519 seed = SHA-256("hexproof drive fleet" ‖
   * seed ‖ name). Reproducible, but known to no oracle: use it with a coverage service fed by the
   * same simulated fleet.
   *
   * @param city where, not null
   * @param count 1..200
   * @param seed the site seed (the devnet's is {@code Devnet.FLEET_SEED})
   * @return the fleet in site order
   */
  public static List<Hotspot> seeded(City city, int count, long seed) {
    List<Hotspot> fleet = new ArrayList<>();
    List<LatLng> sites = sites(city, count, seed);
    for (int i = 0; i < sites.size(); i++) {
      String name = name(i);
      PublicKey key = Ed25519KeyPair.fromSeed(Network.MAINNET, keySeed(seed, name)).publicKey();
      fleet.add(new Hotspot(name, key, site(name, sites.get(i))));
    }
    return List.copyOf(fleet);
  }

  /**
   * A devnet's fleet: the sites as {@link #seeded}, the keys from {@code
   * DIR/hotspots/hNN/hotspot.key}.
   *
   * @param city the devnet's city, not null
   * @param count how many of its hotspots, 1..200
   * @param seed the devnet's site seed
   * @param devnetDir its data directory
   * @return the fleet in site order
   * @throws IllegalArgumentException when a key file is missing or unreadable
   */
  public static List<Hotspot> fromDevnet(City city, int count, long seed, Path devnetDir) {
    List<Hotspot> fleet = new ArrayList<>();
    List<LatLng> sites = sites(city, count, seed);
    for (int i = 0; i < sites.size(); i++) {
      String name = name(i);
      Path file = devnetDir.resolve("hotspots").resolve(name).resolve("hotspot.key");
      PublicKey key;
      try {
        key = KeyFileFormat.read(Files.readAllBytes(file), Network.MAINNET).publicKey();
      } catch (IOException | UncheckedIOException | MalformedKeyException e) {
        throw new IllegalArgumentException(
            "expected the key of devnet hotspot "
                + name
                + " at "
                + file
                + ", but it cannot be read"
                + " (a devnet with at least "
                + count
                + " hotspots?)");
      }
      fleet.add(new Hotspot(name, key, site(name, sites.get(i))));
    }
    return List.copyOf(fleet);
  }

  private static List<LatLng> sites(City city, int count, long seed) {
    if (count < 1 || count > 200) {
      throw new IllegalArgumentException("hotspots: expected 1..200, got " + count);
    }
    return new SiteSampler(city, seed).sample(count, SiteSampler.POC_MIN_SEPARATION_METERS);
  }

  private static String name(int index) {
    return String.format(Locale.ROOT, "h%02d", index + 1);
  }

  private static RadioSite site(String name, LatLng at) {
    return new RadioSite(name, at, HOTSPOT_GAIN_DDBI, HOTSPOT_ELEVATION_METERS);
  }

  private static byte[] keySeed(long seed, String name) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("hexproof drive fleet".getBytes(StandardCharsets.UTF_8));
      sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
      sha.update(name.getBytes(StandardCharsets.UTF_8));
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
