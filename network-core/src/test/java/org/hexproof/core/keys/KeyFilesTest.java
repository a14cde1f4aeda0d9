package org.hexproof.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
  @TempDir Path dir;

  @Test
  void a_missing_key_is_created_owner_only_and_read_back_the_same_on_the_next_start()
      throws Exception {
    Path file = dir.resolve("keys/hotspot.key");
    Ed25519KeyPair created = KeyFiles.loadOrCreate(file, Network.TESTNET);
    Ed25519KeyPair again = KeyFiles.loadOrCreate(file, Network.TESTNET);
    assertThat(again.publicKey()).isEqualTo(created.publicKey());
    assertThat(created.publicKey().network()).isEqualTo(Network.TESTNET);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII))
        .startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void an_existing_file_is_never_replaced_unless_asked() throws Exception {
    Path file = dir.resolve("oracle.key");
    Ed25519KeyPair first = KeyFiles.loadOrCreate(file, Network.MAINNET);
    byte[] before = Files.readAllBytes(file);
    Ed25519KeyPair other =
        Ed25519KeyPair.generate(Network.MAINNET, new java.security.SecureRandom());
    assertThatThrownBy(() -> KeyFiles.writeOwnerOnly(file, KeyFileFormat.writePem(other), false))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(KeyFiles.loadOrCreate(file, Network.MAINNET).publicKey())
        .isEqualTo(first.publicKey());

    KeyFiles.writeOwnerOnly(file, KeyFileFormat.writePem(other), true);
    assertThat(KeyFiles.loadOrCreate(file, Network.MAINNET).publicKey())
        .isEqualTo(other.publicKey());
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void processes_creating_the_same_key_at_once_all_end_with_one_key() throws Exception {
    for (int round = 0; round < 20; round++) {
      Path file = dir.resolve("race-" + round + ".key");
      Set<PublicKey> seen = ConcurrentHashMap.newKeySet();
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Thread t =
            new Thread(
                () -> {
                  try {
                    go.await();
                  } catch (InterruptedException e) {
                    return;
                  }
                  seen.add(KeyFiles.loadOrCreate(file, Network.MAINNET).publicKey());
                });
        t.start();
        threads.add(t);
      }
      go.countDown();
      for (Thread t : threads) {
        t.join();
      }
      assertThat(seen).as("keys seen in round %d", round).hasSize(1);
      assertThat(KeyFiles.loadOrCreate(file, Network.MAINNET).publicKey())
          .isEqualTo(seen.iterator().next());
    }
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void a_temporary_file_left_by_a_crash_is_not_read_as_the_key() throws Exception {
    Files.write(dir.resolve(".key-123.tmp"), "-----BEGIN PRIVATE KEY-----\ntrunc".getBytes());
    Path file = dir.resolve("hotspot.key");
    Ed25519KeyPair key = KeyFiles.loadOrCreate(file, Network.MAINNET);
    assertThat(KeyFileFormat.read(Files.readAllBytes(file), Network.MAINNET).publicKey())
        .isEqualTo(key.publicKey());
  }

  private List<Path> leftovers() throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
