/**
 * Running many components' work on a few shared threads.
 *
 * <p>Terms: a <em>pool</em> runs tasks that may block (I/O, module commands); a <em>timer</em> only
 * holds delayed tasks until they are due and hands them on; a {@link
 * org.hexproof.bridge.tasks.SerialExecutor} gives one component the ordering of a single thread
 * (one task at a time, in submission order) on a shared pool.
 */
package org.hexproof.bridge.tasks;
