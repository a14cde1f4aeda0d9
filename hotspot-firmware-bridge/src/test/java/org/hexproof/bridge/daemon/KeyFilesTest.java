package org.hexproof.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.hexproof.bridge.files.DurableFiles;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
  private static final int DAEMONS = 8;
  private static final int ROUNDS = 40;

  @TempDir Path dir;

  @Test
  void daemons_starting_together_on_one_new_key_file_all_end_with_the_same_key() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(DAEMONS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        Path file = dir.resolve("round-" + round).resolve("hotspot.key");
        CyclicBarrier start = new CyclicBarrier(DAEMONS);
        List<Future<PublicKey>> keys = new ArrayList<>();
        for (int d = 0; d < DAEMONS; d++) {
          keys.add(
              pool.submit(
                  () -> {
                    start.await();
                    return KeyFiles.loadOrCreate(file, Network.TESTNET).publicKey();
                  }));
        }
        Set<PublicKey> distinct = new HashSet<>();
        for (Future<PublicKey> k : keys) {
          distinct.add(k.get());
        }

        assertThat(distinct).as("round %d: keys the daemons ended with", round).hasSize(1);
        assertThat(KeyFiles.publicKeyIn(file, Network.TESTNET))
            .contains(distinct.iterator().next());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
            .isEqualTo("rw-------");
        try (Stream<Path> left = Files.list(file.getParent())) {
          assertThat(left).as("temporary files left").containsExactly(file);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void an_existing_key_file_is_read_and_never_replaced() throws Exception {
    Path file = dir.resolve("hotspot.key");
    PublicKey first = KeyFiles.loadOrCreate(file, Network.TESTNET).publicKey();
    byte[] stored = Files.readAllBytes(file);

    assertThat(KeyFiles.loadOrCreate(file, Network.TESTNET).publicKey()).isEqualTo(first);
    assertThat(DurableFiles.createOnce(file, new byte[] {1, 2, 3}, Set.of())).isFalse();
    assertThat(Files.readAllBytes(file)).isEqualTo(stored);
  }

  @Test
  void creates_a_missing_file_complete_with_the_permissions_asked_for() throws Exception {
    Path file = dir.resolve("state");

    boolean created =
        DurableFiles.createOnce(
            file, "complete".getBytes(), PosixFilePermissions.fromString("rw-r-----"));

    assertThat(created).isTrue();
    assertThat(Files.readString(file)).isEqualTo("complete");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
  }
}
