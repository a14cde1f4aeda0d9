package org.hexproof.poc.app;

/** The media type of protobuf bodies. */
final class ProtobufMedia {
  /** {@code application/x-protobuf}. */
  static final String TYPE = "application/x-protobuf";

  private ProtobufMedia() {}
}
