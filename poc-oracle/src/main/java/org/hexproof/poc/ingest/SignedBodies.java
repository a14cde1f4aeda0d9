package org.hexproof.poc.ingest;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.hexproof.core.keys.KeyType;
import org.hexproof.core.keys.MalformedKeyException;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.keys.VerifyingKey;
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
 *
 * <p>Keys that {@link #remember} was told of (ingest tells it of onboarded signers) skip the key
 * checks, which they passed before, and are verified with their curve point decoded once ({@link
 * VerifyingKey}); the answer is the same.
 */
public final class SignedBodies {
  /** Largest number of remembered keys; beyond it bodies are still checked, just the slow way. */
  static final int MAX_REMEMBERED = 200_000;

  private final int maxBodyBytes;
  private final Network network;
  private final Map<ByteString, VerifyingKey> remembered = new ConcurrentHashMap<>();

  /**
   * @param maxBodyBytes largest accepted body, bytes
   * @param network the network every key must be tagged with
   */
  public SignedBodies(int maxBodyBytes, Network network) {
    this.maxBodyBytes = maxBodyBytes;
    this.network = Objects.requireNonNull(network, "network");
  }

  /** A parsed, signature-checked message and its signer's prepared key. */
  public record Signed<M extends Message>(M message, VerifyingKey key) {
    /** The signer. */
    public PublicKey signer() {
      return key.publicKey();
    }
  }

  /**
   * Keeps a signer's prepared key for its later bodies. Call it only for keys worth keeping (such
   * as onboarded hotspots): anyone can make new keys.
   *
   * @param key a key that passed {@link #open}
   */
  public void remember(VerifyingKey key) {
    if (remembered.size() < MAX_REMEMBERED) {
      remembered.putIfAbsent(ByteString.copyFrom(key.publicKey().toBytes()), key);
    }
  }

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
    ByteString raw =
        (ByteString)
            message.getField(
                message.getDescriptorForType().findFieldByName(SignedMessages.PUB_KEY_FIELD));
    VerifyingKey signer = remembered.get(raw);
    if (signer == null) {
      signer = VerifyingKey.of(key(what, raw));
    }
    if (!SignedMessages.verify(message, signer)) {
      throw new RequestRejected(
          Kind.UNAUTHENTICATED,
          what + ".signature: not a valid Ed25519 signature by " + signer.base58());
    }
    return new Signed<>(message, signer);
  }

  private PublicKey key(String what, ByteString raw) {
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
