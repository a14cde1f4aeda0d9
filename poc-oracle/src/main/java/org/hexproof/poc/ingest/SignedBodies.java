package org.hexproof.poc.ingest;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.util.Objects;
import org.hexproof.core.keys.KeyType;
import org.hexproof.core.keys.MalformedKeyException;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.report.SignedMessages;
import org.hexproof.poc.ingest.RequestRejected.Kind;

/**
 * The boundary checks every signed protobuf body passes, in this order, each with its status:
 *
 * <ol>
 *   <li>size ≤ the configured maximum, else 413;
 *   <li>parses as the expected message, else 400;
 *   <li>{@code pub_key} is a 33-byte tagged Ed25519 key of the oracle's network, else 400;
 *   <li>the Ed25519 signature over the message with {@code signature} cleared verifies against
 *       {@code pub_key}, else <b>401</b>: the body does not prove who sent it. A report signed by
 *       hotspot A but naming B's key fails here.
 * </ol>
 */
public final class SignedBodies {
  private final int maxBodyBytes;
  private final Network network;

  /**
   * @param maxBodyBytes largest accepted body, bytes
   * @param network the network every key must be tagged with
   */
  public SignedBodies(int maxBodyBytes, Network network) {
    this.maxBodyBytes = maxBodyBytes;
    this.network = Objects.requireNonNull(network, "network");
  }

  /** A parsed, signature-checked message and its signer. */
  public record Signed<M extends Message>(M message, PublicKey signer) {}

  /**
   * Runs the checks.
   *
   * @param what the message name for error details ("BeaconReport")
   * @param body the request body as received, may be null (no body)
   * @param parser the message's parser
   * @return the message and its verified signer
   * @throws RequestRejected with the status of the first failed check
   */
  public <M extends Message> Signed<M> open(String what, byte[] body, Parser<M> parser) {
    if (body == null || body.length == 0) {
      throw new RequestRejected(Kind.MALFORMED, what + ": expected a protobuf body, got none");
    }
    if (body.length > maxBodyBytes) {
      throw new RequestRejected(
          Kind.TOO_LARGE,
          what + ": expected at most " + maxBodyBytes + " bytes, got " + body.length);
    }
    M message;
    try {
      message = parser.parseFrom(body);
    } catch (InvalidProtocolBufferException e) {
      throw new RequestRejected(
          Kind.MALFORMED, what + ": expected a protobuf " + what + ", got " + e.getMessage());
    }
    PublicKey signer = key(what, message);
    boolean valid;
    try {
      valid = SignedMessages.verify(message);
    } catch (MalformedKeyException | UnsupportedOperationException e) {
      throw new RequestRejected(Kind.MALFORMED, what + ".pub_key: " + e.getMessage());
    }
    if (!valid) {
      throw new RequestRejected(
          Kind.UNAUTHENTICATED,
          what + ".signature: not a valid Ed25519 signature by " + signer.toBase58());
    }
    return new Signed<>(message, signer);
  }

  private PublicKey key(String what, Message message) {
    ByteString raw =
        (ByteString)
            message.getField(
                message.getDescriptorForType().findFieldByName(SignedMessages.PUB_KEY_FIELD));
    PublicKey key;
    try {
      key = PublicKey.fromBytes(raw.toByteArray());
    } catch (MalformedKeyException e) {
      throw new RequestRejected(Kind.MALFORMED, what + ".pub_key: " + e.getMessage());
    }
    return checkKey(what + ".pub_key", key);
  }

  /**
   * Checks that a key is Ed25519 and of the oracle's network.
   *
   * @param field the field name for the error detail
   * @param key the key
   * @return the key
   * @throws RequestRejected 400 when not
   */
  public PublicKey checkKey(String field, PublicKey key) {
    if (key.keyType() != KeyType.ED25519) {
      throw new RequestRejected(
          Kind.MALFORMED, field + ": expected an Ed25519 key, got " + key.keyType());
    }
    if (key.network() != network) {
      throw new RequestRejected(
          Kind.MALFORMED, field + ": expected a " + network + " key, got " + key.network());
    }
    return key;
  }

  /**
   * Parses a base58check key from a URL path.
   *
   * @param field the parameter name for the error detail
   * @param text the text
   * @return the key
   * @throws RequestRejected 400 when it is not a key of this network
   */
  public PublicKey parseKey(String field, String text) {
    try {
      return checkKey(field, PublicKey.fromBase58(text));
    } catch (MalformedKeyException e) {
      throw new RequestRejected(
          Kind.MALFORMED, field + ": expected a base58check public key, got '" + text + "'");
    }
  }
}
