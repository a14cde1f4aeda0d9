/**
 * The durable outbox between a hotspot and the oracle.
 *
 * <p>Terms: a <em>record</em> is one signed report with an id that increases in append order and is
 * never reused; it is <em>pending</em> until it is <em>resolved</em>, either <em>acknowledged</em>
 * (the receiver has it) or <em>parked</em> (the receiver refused it for good; kept as a {@link
 * org.hexproof.bridge.outbox.DeadLetter} for {@code status}).
 *
 * <p>Invariants: {@link org.hexproof.bridge.outbox.Outbox#append} is durable when it returns; a
 * reopened outbox has exactly the records appended and not resolved, in order; the {@link
 * org.hexproof.bridge.outbox.Sender} delivers in id order and never sends a resolved record again.
 * Delivery is at least once (a crash between delivery and acknowledgement repeats the record, or
 * the batch of consecutive records of one kind it went in), so receivers deduplicate by content, as
 * the oracle does by the SHA-256 of the bytes.
 */
package org.hexproof.bridge.outbox;
