/**
 * The proof-of-coverage oracle: hotspot registry, entropy service, signed report ingest stamped
 * with the oracle's receive time, the ordered verifier rule chain, hex density, and the
 * verified-PoC feed.
 *
 * <p>Nothing lives here yet; README.md lists the module's role and the issue that builds it.
 */
package org.hexproof.poc;
