/**
 * Keys of network participants, their text and file forms, and Ed25519 signatures.
 *
 * <h2>Terms</h2>
 *
 * <dl>
 *   <dt>tag byte
 *   <dd>The first byte of a binary public key: {@link org.hexproof.core.keys.Network} code in the
 *       high nibble ({@code 0x00} mainnet, {@code 0x10} testnet) OR {@link
 *       org.hexproof.core.keys.KeyType} code in the low nibble ({@code 0x00} ecc_compact, {@code
 *       0x01} ed25519, {@code 0x03} secp256k1, {@code 0x04} rsa). Unknown nibbles are malformed
 *       input (radio.md §2.4, helium-crypto-rs).
 *   <dt>public key (binary)
 *   <dd>Tag byte followed by 32 key bytes, 33 bytes. For Ed25519 the key bytes are the RFC 8032
 *       point encoding; for ecc_compact the X coordinate of the P-256 point.
 *   <dt>base58check
 *   <dd>The text form of a public key: {@code base58(0x00 ‖ key33 ‖ checksum)}, Bitcoin alphabet,
 *       where {@code checksum} is the first 4 bytes of {@code SHA-256(SHA-256(0x00 ‖ key33))}.
 *       Mainnet ecc_compact keys start with {@code 11}, mainnet Ed25519 keys with {@code 1}
 *       followed by a digit or letter other than {@code 1}.
 *   <dt>seed
 *   <dd>The 32-byte Ed25519 secret of RFC 8032 from which the signing scalar and public key are
 *       derived.
 * </dl>
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>A {@link org.hexproof.core.keys.PublicKey} always has a known network and key type and 32
 *       key bytes; an Ed25519 one decodes to a curve point.
 *   <li>Every parse failure is a {@link org.hexproof.core.keys.MalformedKeyException} whose message
 *       says what was expected and what arrived, without secret bytes.
 *   <li>Only Ed25519 signatures can be made and verified; verifying with another key type throws
 *       {@link java.lang.UnsupportedOperationException}.
 * </ul>
 */
package org.hexproof.core.keys;
