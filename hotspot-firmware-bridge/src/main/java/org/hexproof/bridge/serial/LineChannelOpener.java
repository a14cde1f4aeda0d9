package org.hexproof.bridge.serial;

/** Opens a {@link LineChannel}; called again for every reconnect. */
@FunctionalInterface
public interface LineChannelOpener {

  /**
   * Opens the link and starts delivering lines to {@code receiver}.
   *
   * @throws org.hexproof.bridge.radio.LinkDownException when the device cannot be opened
   */
  LineChannel open(LineReceiver receiver);
}
