package org.hexproof.poc.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
  /** The groups the writer was given, and the writes it has not finished yet. */
  private final List<List<Integer>> groups = new ArrayList<>();

  private final List<CompletableFuture<List<Integer>>> inFlight = new ArrayList<>();

  /** A writer whose writes end when the test says so. */
  private CompletableFuture<List<Integer>> held(List<Integer> group) {
    groups.add(List.copyOf(group));
    CompletableFuture<List<Integer>> write = new CompletableFuture<>();
    inFlight.add(write);
    return write;
  }

  /** Ends the oldest write in flight, doubling its items. */
  private void finishOldest() {
    CompletableFuture<List<Integer>> write = inFlight.remove(0);
    write.complete(
        groups.get(groups.size() - inFlight.size() - 1).stream().map(i -> 2 * i).toList());
  }

  @Test
  void an_item_alone_is_written_at_once() {
    GroupCommit<Integer, Integer> commit =
        commit(g -> CompletableFuture.completedFuture(g.stream().map(i -> 2 * i).toList()), 10, 1);
    assertThat(commit.submit(7).join()).isEqualTo(14);
    assertThat(commit.submit(8).join()).isEqualTo(16);
    assertThat(commit.writes()).isEqualTo(2);
    assertThat(commit.items()).isEqualTo(2);
  }

  @Test
  void items_submitted_during_a_write_are_written_together_each_with_its_own_result() {
    GroupCommit<Integer, Integer> commit = commit(this::held, 100, 1);
    CompletableFuture<Integer> first = commit.submit(0);
    List<CompletableFuture<Integer>> later =
        IntStream.rangeClosed(1, 20).mapToObj(commit::submit).toList();
    assertThat(commit.writes()).as("the first write only").isEqualTo(1);
    assertThat(commit.queued()).isEqualTo(20);
    assertThat(later).noneMatch(CompletableFuture::isDone);

    finishOldest();
    assertThat(first.join()).isZero();
    assertThat(groups).hasSize(2);
    assertThat(groups.get(1)).as("all twenty in the second write").hasSize(20);
    assertThat(later).noneMatch(CompletableFuture::isDone);

    finishOldest();
    for (int i = 1; i <= 20; i++) {
      assertThat(later.get(i - 1).join()).isEqualTo(2 * i);
    }
    assertThat(commit.writes()).isEqualTo(2);
    assertThat(commit.items()).isEqualTo(21);
    assertThat(commit.queued()).isZero();
  }

  @Test
  void a_group_never_exceeds_its_bound() {
    GroupCommit<Integer, Integer> commit = commit(this::held, 5, 1);
    List<CompletableFuture<Integer>> all =
        IntStream.rangeClosed(0, 12).mapToObj(commit::submit).toList();
    while (!inFlight.isEmpty()) {
      finishOldest();
    }
    assertThat(groups.stream().map(List::size)).containsExactly(1, 5, 5, 2);
    for (int i = 0; i <= 12; i++) {
      assertThat(all.get(i).join()).isEqualTo(2 * i);
    }
  }

  @Test
  void a_failed_write_fails_every_item_of_its_group_unwrapped_and_the_next_write_goes_on() {
    GroupCommit<Integer, Integer> commit = commit(this::held, 100, 1);
    CompletableFuture<Integer> first = commit.submit(1);
    CompletableFuture<Integer> second = commit.submit(2);
    CompletableFuture<Integer> third = commit.submit(3);
    CompletableFuture<Integer> fourth;
    RuntimeException down = new IllegalStateException("database down");

    inFlight.remove(0).completeExceptionally(down);
    fourth = commit.submit(4);
    assertThat(groups).as("2 and 3 are written after the failure").hasSize(2);
    inFlight.remove(0).completeExceptionally(down);
    finishOldest();

    assertThatThrownBy(first::get).isInstanceOf(ExecutionException.class).hasCause(down);
    assertThatThrownBy(second::get).hasCause(down);
    assertThatThrownBy(third::get).hasCause(down);
    assertThat(fourth.join()).isEqualTo(8);
  }

  @Test
  void a_writer_that_throws_fails_its_group_and_the_next_write_goes_on() {
    RuntimeException bad = new IllegalArgumentException("bad argument");
    GroupCommit<Integer, Integer> commit =
        commit(
            g -> {
              if (g.contains(1)) {
                throw bad;
              }
              return CompletableFuture.completedFuture(g.stream().map(i -> 2 * i).toList());
            },
            10,
            1);
    assertThatThrownBy(() -> commit.submit(1).get()).hasCause(bad);
    assertThat(commit.submit(2).join()).isEqualTo(4);
  }

  @Test
  void a_writer_that_answers_for_the_wrong_number_of_items_fails_them_all() {
    GroupCommit<Integer, Integer> commit =
        commit(g -> CompletableFuture.completedFuture(List.of()), 10, 1);
    assertThatThrownBy(() -> commit.submit(1).get())
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("writer returned 0 results for 1 items");
  }

  @Test
  void two_writers_write_at_once_then_items_queue() {
    GroupCommit<Integer, Integer> commit = commit(this::held, 100, 2);
    CompletableFuture<Integer> a = commit.submit(1);
    CompletableFuture<Integer> b = commit.submit(2);
    CompletableFuture<Integer> c = commit.submit(3);
    assertThat(commit.writes()).isEqualTo(2);
    assertThat(commit.queued()).isEqualTo(1);
    finishOldest();
    assertThat(a.join()).isEqualTo(2);
    assertThat(groups).hasSize(3);
    finishOldest();
    finishOldest();
    assertThat(b.join()).isEqualTo(4);
    assertThat(c.join()).isEqualTo(6);
  }

  @Test
  void beyond_the_queue_bound_an_item_fails_at_once_and_is_not_written() {
    GroupCommit<Integer, Integer> commit =
        new GroupCommit<>(this::held, 100, 1, 3, () -> new IllegalStateException("full"));
    CompletableFuture<Integer> writing = commit.submit(0);
    List<CompletableFuture<Integer>> waiting =
        IntStream.rangeClosed(1, 3).mapToObj(commit::submit).toList();
    CompletableFuture<Integer> refused = commit.submit(4);
    assertThatThrownBy(refused::get)
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("full");
    assertThat(commit.queued()).isEqualTo(3);
    finishOldest();
    finishOldest();
    assertThat(writing.join()).isZero();
    assertThat(waiting.stream().map(CompletableFuture::join)).containsExactly(2, 4, 6);
    assertThat(groups).as("4 never written").containsExactly(List.of(0), List.of(1, 2, 3));
    assertThat(commit.submit(5).isDone()).as("room again").isFalse();
  }

  @Test
  void refuses_bounds_below_one() {
    assertThatThrownBy(
            () ->
                new GroupCommit<Integer, Integer>(this::held, 0, 1, 1, IllegalStateException::new))
        .hasMessage("expected maxGroup, maxWriters and maxQueued >= 1, got 0, 1 and 1");
  }

  private static GroupCommit<Integer, Integer> commit(
      java.util.function.Function<List<Integer>, CompletableFuture<List<Integer>>> writer,
      int maxGroup,
      int maxWriters) {
    return new GroupCommit<>(
        writer, maxGroup, maxWriters, 1000, () -> new IllegalStateException("full"));
  }
}
