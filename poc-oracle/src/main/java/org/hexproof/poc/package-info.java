/**
 * The proof-of-coverage oracle: hotspot registry, entropy service, signed report ingest stamped
 * with the oracle's receive time, the ordered verifier rule chain, hex density, and the
 * verified-PoC feed. The rules and hex density ({@code density}) are pure and shared by the service
 * and the replay tools.
 */
package org.hexproof.poc;
