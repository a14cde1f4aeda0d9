/** Crash-safe file writes the daemon and its outbox share: forced to disk before they count. */
package org.hexproof.bridge.files;
