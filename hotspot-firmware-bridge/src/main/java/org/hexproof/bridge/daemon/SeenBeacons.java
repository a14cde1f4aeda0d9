package org.hexproof.bridge.daemon;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last {@value #CAPACITY} beacon payloads this hotspot sent or heard (gateway-rs keeps the same
 * number): a payload in here is the hotspot's own beacon or a repeat and is not witnessed.
 */
final class SeenBeacons {
  /** How many payloads are remembered (gateway-rs beaconer's cache size). */
  static final int CAPACITY = 15;

  /** Why a payload was seen before. */
  enum Origin {
    OWN,
    HEARD
  }

  private final Map<ByteBuffer, Origin> seen =
      new LinkedHashMap<>(CAPACITY * 2, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Origin> eldest) {
          return size() > CAPACITY;
        }
      };

  /** Remembers {@code payload}; returns where it came from if it was already known. */
  synchronized Optional<Origin> remember(byte[] payload, Origin origin) {
    ByteBuffer key = ByteBuffer.wrap(payload.clone());
    Origin before = seen.get(key);
    if (before == null) {
      seen.put(key, origin);
    }
    return Optional.ofNullable(before);
  }
}
