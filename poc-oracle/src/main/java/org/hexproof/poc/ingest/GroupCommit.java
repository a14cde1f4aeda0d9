package org.hexproof.poc.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Group commit: items submitted while earlier writes are in flight are written together, in one
 * call of the writer, instead of one write each. Nothing waits for a timer and no thread blocks: an
 * item submitted while fewer than {@code maxWriters} writes are in flight starts a write at once
 * (alone, unless others are queued); otherwise it queues, and the write that ends next starts one
 * for everything queued then, up to {@code maxGroup} items. Alone, an item is written at once;
 * under load the groups grow with the arrival rate.
 *
 * <p>At most {@code maxQueued} items wait: while the writes are slow (the database is slow or down)
 * further items fail at once instead of piling up in memory.
 *
 * <p>Each item's future completes with its own result, or with the write's exception (unwrapped)
 * when the write of its group failed: then nothing of that group is assumed stored, and each caller
 * answers as for a failed write of its own.
 *
 * @param <T> an item
 * @param <R> its result
 */
final class GroupCommit<T, R> {
  private final Function<List<T>, CompletableFuture<List<R>>> writer;
  private final int maxGroup;
  private final int maxWriters;
  private final int maxQueued;
  private final Supplier<? extends RuntimeException> full;
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Slot<T, R>> queued = new ArrayDeque<>();
  private int writing;
  private final LongAdder writes = new LongAdder();
  private final LongAdder written = new LongAdder();

  private record Slot<T, R>(T item, CompletableFuture<R> result) {}

  /**
   * @param writer starts writing a group; its future gives one result per item, in order
   * @param maxGroup most items in one write
   * @param maxWriters most writes in flight at once
   * @param maxQueued most items waiting for a write; one more fails at once
   * @param full the failure of an item refused because {@code maxQueued} wait already
   */
  GroupCommit(
      Function<List<T>, CompletableFuture<List<R>>> writer,
      int maxGroup,
      int maxWriters,
      int maxQueued,
      Supplier<? extends RuntimeException> full) {
    if (maxGroup < 1 || maxWriters < 1 || maxQueued < 1) {
      throw new IllegalArgumentException(
          "expected maxGroup, maxWriters and maxQueued >= 1, got "
              + maxGroup
              + ", "
              + maxWriters
              + " and "
              + maxQueued);
    }
    this.writer = Objects.requireNonNull(writer, "writer");
    this.maxGroup = maxGroup;
    this.maxWriters = maxWriters;
    this.maxQueued = maxQueued;
    this.full = Objects.requireNonNull(full, "full");
  }

  /**
   * Queues an item for the next write.
   *
   * @param item the item
   * @return the writer's result for it, or the failure of its group's write, or the {@code full}
   *     failure when {@code maxQueued} items wait already (nothing is written for it)
   */
  CompletableFuture<R> submit(T item) {
    Slot<T, R> mine = new Slot<>(item, new CompletableFuture<>());
    List<Slot<T, R>> group = null;
    lock.lock();
    try {
      if (queued.size() >= maxQueued) {
        return CompletableFuture.failedFuture(full.get());
      }
      queued.add(mine);
      if (writing < maxWriters) {
        group = takeGroup();
      }
    } finally {
      lock.unlock();
    }
    if (group != null) {
      start(group);
    }
    return mine.result();
  }

  /** Writes started so far. */
  long writes() {
    return writes.sum();
  }

  /** Items in the writes started so far: with {@link #writes()}, the mean group size. */
  long items() {
    return written.sum();
  }

  /** Items waiting for a write now. */
  int queued() {
    lock.lock();
    try {
      return queued.size();
    } finally {
      lock.unlock();
    }
  }

  /** Takes what is queued, at most {@code maxGroup}, oldest first, as one more write in flight. */
  private List<Slot<T, R>> takeGroup() {
    List<Slot<T, R>> group = new ArrayList<>(Math.min(queued.size(), maxGroup));
    while (group.size() < maxGroup && !queued.isEmpty()) {
      group.add(queued.poll());
    }
    writing++;
    return group;
  }

  private void start(List<Slot<T, R>> group) {
    writes.increment();
    written.add(group.size());
    CompletableFuture<List<R>> write;
    try {
      write = writer.apply(group.stream().map(Slot::item).toList());
    } catch (RuntimeException e) {
      write = CompletableFuture.failedFuture(e);
    }
    write.whenComplete((results, failure) -> finish(group, results, failure));
  }

  /** Starts the next write, if items wait, before answering this group's items. */
  private void finish(List<Slot<T, R>> group, List<R> results, Throwable failure) {
    List<Slot<T, R>> next = null;
    lock.lock();
    try {
      writing--;
      if (!queued.isEmpty()) {
        next = takeGroup();
      }
    } finally {
      lock.unlock();
    }
    if (next != null) {
      start(next);
    }
    Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
    if (cause == null && results.size() != group.size()) {
      cause =
          new IllegalStateException(
              "writer returned " + results.size() + " results for " + group.size() + " items");
    }
    for (int i = 0; i < group.size(); i++) {
      if (cause != null) {
        group.get(i).result().completeExceptionally(cause);
      } else {
        group.get(i).result().complete(results.get(i));
      }
    }
  }
}
