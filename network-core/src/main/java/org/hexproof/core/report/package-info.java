/**
 * Signing and verification of the protobuf messages in {@code hexproof/v1/reports.proto}.
 *
 * <h2>Terms</h2>
 *
 * <dl>
 *   <dt>signed message
 *   <dd>A protobuf message type with a {@code bytes pub_key} field (the signer's 33-byte tagged
 *       public key, see {@link org.hexproof.core.keys}) and a {@code bytes signature} field (the
 *       64-byte Ed25519 signature). In hexproof these are fields 1 and 15, but they are found by
 *       name.
 *   <dt>signing bytes
 *   <dd>The protobuf encoding of the message with {@code signature} empty and {@code pub_key}
 *       already set. protobuf-java writes known fields in field-number order and then any unknown
 *       fields it kept when parsing, so the bytes are the same for the signer and the verifier as
 *       long as both know the same fields.
 *   <dt>signing rule
 *   <dd>To sign: set {@code pub_key}, clear {@code signature}, encode, sign the bytes with Ed25519,
 *       put the signature in {@code signature}. To verify: parse {@code pub_key}, clear {@code
 *       signature}, re-encode, check the signature against the key (radio.md §2.4, Helium's rule).
 *       The signature therefore covers every field except itself, including {@code pub_key}.
 * </dl>
 */
package org.hexproof.core.report;
