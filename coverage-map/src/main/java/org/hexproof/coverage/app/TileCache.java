package org.hexproof.coverage.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.hexproof.core.radio.RadioTechnology;
import org.hexproof.coverage.tiles.TileCoordinate;

/**
 * Encoded vector tiles by (tile, technology, map version), least recently used evicted beyond a
 * bound. A new map version makes old entries unreachable; they age out.
 */
final class TileCache {
  private record Key(TileCoordinate tile, RadioTechnology technology, long version) {}

  private final int maxEntries;
  private final Map<Key, byte[]> entries;
  private long hits;
  private long misses;

  TileCache(int maxEntries) {
    this.maxEntries = maxEntries;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
            return size() > TileCache.this.maxEntries;
          }
        };
  }

  /**
   * The cached tile, or {@code encode}'s result stored. Encoding runs outside the lock, so two
   * requests for one cold tile may both encode it.
   */
  byte[] get(
      TileCoordinate tile, RadioTechnology technology, long version, Supplier<byte[]> encode) {
    Key key = new Key(tile, technology, version);
    synchronized (this) {
      byte[] cached = entries.get(key);
      if (cached != null) {
        hits++;
        return cached;
      }
      misses++;
    }
    byte[] bytes = encode.get();
    synchronized (this) {
      entries.put(key, bytes);
    }
    return bytes;
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized long hits() {
    return hits;
  }

  synchronized long misses() {
    return misses;
  }
}
