package org.hexproof.poc.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Report ids: base64url (no padding) of the SHA-256 of the signed report bytes as received. */
public final class ReportIds {
  private ReportIds() {}

  /**
   * The id of a report.
   *
   * @param signedBytes the request body exactly as received
   * @return 43 characters of base64url
   */
  public static String of(byte[] signedBytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(signedBytes));
  }

  /** SHA-256 of some bytes. */
  public static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
