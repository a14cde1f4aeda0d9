package org.hexproof.poc.ingest;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Which hotspot keys are onboarded, answered from memory where possible. Hotspots are never taken
 * off the registry, so a key once seen onboarded stays onboarded: positive answers are cached, and
 * a miss asks the database. A hotspot onboarded through another oracle process on the same database
 * is therefore accepted on its first report here, at the cost of one query. {@link #add} is the
 * registry's change callback for onboardings in this process.
 */
public final class OnboardedKeys {
  /** Largest number of cached keys; beyond it misses are still answered, just not cached. */
  static final int MAX_CACHED = 5_000_000;

  private final Set<String> known = ConcurrentHashMap.newKeySet();
  private final Function<Collection<String>, Set<String>> lookup;

  /**
   * @param lookup the subset of the given keys the database has in the registry
   */
  public OnboardedKeys(Function<Collection<String>, Set<String>> lookup) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
  }

  /** Records a key onboarded in this process. */
  public void add(String key) {
    if (known.size() < MAX_CACHED) {
      known.add(key);
    }
  }

  /** Whether a key is known onboarded without asking the database (false: not known yet). */
  public boolean known(String key) {
    return known.contains(key);
  }

  /** Whether one key is onboarded. */
  public boolean contains(String key) {
    return known.contains(key) || !missing(List.of(key)).contains(key);
  }

  /**
   * The keys among {@code keys} that are not onboarded, with at most one database query.
   *
   * @param keys base58 keys
   * @return those not in the registry
   */
  public Set<String> missing(Collection<String> keys) {
    Set<String> unknown = new HashSet<>();
    for (String key : keys) {
      if (!known.contains(key)) {
        unknown.add(key);
      }
    }
    if (unknown.isEmpty()) {
      return unknown;
    }
    Set<String> found = lookup.apply(unknown);
    found.forEach(this::add);
    unknown.removeAll(found);
    return unknown;
  }
}
