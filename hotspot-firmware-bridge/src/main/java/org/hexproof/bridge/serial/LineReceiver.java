package org.hexproof.bridge.serial;

import org.hexproof.bridge.radio.LinkDownException;

/** Receives what a {@link LineChannel} reads, on the channel's reader thread. */
public interface LineReceiver {

  /** A complete line, without its CR LF; may be empty. Must not block for long. */
  void onLine(String line);

  /** The link failed while reading; no more lines follow from this channel. */
  void onLinkDown(LinkDownException cause);
}
