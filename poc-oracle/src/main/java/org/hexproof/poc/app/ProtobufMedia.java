package org.hexproof.poc.app;

import io.micronaut.http.HttpRequest;

/** The media type of protobuf bodies, and the raw body of a request. */
final class ProtobufMedia {
  /** {@code application/x-protobuf}. */
  static final String TYPE = "application/x-protobuf";

  private ProtobufMedia() {}

  /** The body as received, or null without one (the adapters answer 400 problem JSON). */
  static byte[] body(HttpRequest<byte[]> request) {
    return request.getBody(byte[].class).orElse(null);
  }
}
