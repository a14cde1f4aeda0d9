package org.hexproof.core.geo;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The process-wide {@link H3Core}. Its Javadoc declares it thread-safe and meant to be used as a
 * singleton; creating it extracts and loads the native library (about 64 ms), so it is created
 * lazily on first use (holder-class idiom) and never again.
 */
final class H3 {
  private H3() {}

  /** Returns the shared instance, loading the native library on first call. */
  static H3Core core() {
    return Holder.CORE;
  }

  private static final class Holder {
    static final H3Core CORE = load();

    private static H3Core load() {
      try {
        return H3Core.newInstance();
      } catch (IOException e) {
        throw new UncheckedIOException("could not load the h3 native library", e);
      }
    }
  }
}
