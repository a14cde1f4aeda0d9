/**
 * Serial adapters: the only package that imports jssc.
 *
 * <p>Layers, bottom up:
 *
 * <ul>
 *   <li>{@link org.hexproof.bridge.serial.LineChannel}: a line-oriented byte link. {@link
 *       org.hexproof.bridge.serial.JsscLineChannel} opens a device with jssc, polls it on a reader
 *       thread and frames lines with {@link org.hexproof.bridge.serial.LineFramer} (lines end at
 *       LF; CR is dropped). Emulators use the same channel on the other end of a pty pair.
 *   <li>{@link org.hexproof.bridge.serial.SerialLine}: one outstanding command at a time, async
 *       lines routed to a listener on an event thread, periodic ping, reopen with exponential
 *       backoff.
 *   <li>One driver per module dialect (radio.md §4): {@link
 *       org.hexproof.bridge.serial.Rak3172Driver}, {@link org.hexproof.bridge.serial.Rn2483Driver},
 *       {@link org.hexproof.bridge.serial.LoraE5Driver} and {@link
 *       org.hexproof.bridge.serial.EspAtDriver}.
 * </ul>
 *
 * <p>Why a polling reader and not jssc's {@code MASK_RXCHAR} listener: on jssc 2.10.2 / Linux the
 * listener's event thread spins (measured 2.6 % of a core per idle port here; radio.md §5 says
 * about 5 %), and it reports nothing when the other end disappears. A reader that asks {@code
 * getInputBufferBytesCount()} every 5 ms costs about 0.6 % and gets {@code Input/output error} from
 * that call within one poll after socat dies. {@code readBytes(n, timeout)} busy-waits (60–100 %
 * measured) and is not used.
 */
package org.hexproof.bridge.serial;
