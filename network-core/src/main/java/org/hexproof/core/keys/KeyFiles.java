package org.hexproof.core.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Key files on disk: written so that no other user can ever read them and so that a crash leaves
 * either no file or the whole file. The bytes go to a temporary file created with mode 0600 in the
 * target's directory, are forced to disk, and the file then takes the target's name in one step (a
 * hard link when the target must not exist, so that of two processes creating the same key file one
 * wins and the other reads its key; an atomic rename when replacing); the directory is forced last.
 * A temporary file left by a crash is never read.
 */
public final class KeyFiles {
  private static final String TEMP_PREFIX = ".key-";
  private static final String TEMP_SUFFIX = ".tmp";

  private KeyFiles() {}

  /**
   * The key in {@code file}; when there is none, a new random key of {@code network} is written
   * there first (PKCS#8 PEM, owner-only). If another process creates the file at the same time, its
   * key is the one returned.
   *
   * @param file the key file
   * @param network the network of a new key, and of a PEM file's key
   * @return the key in the file
   * @throws UncheckedIOException naming the file when it cannot be created or read
   * @throws MalformedKeyException when the file holds no readable key
   */
  public static Ed25519KeyPair loadOrCreate(Path file, Network network) {
    Objects.requireNonNull(network, "network");
    try {
      if (!Files.exists(file)) {
        Ed25519KeyPair fresh = Ed25519KeyPair.generate(network, new SecureRandom());
        try {
          writeOwnerOnly(file, KeyFileFormat.writePem(fresh), false);
        } catch (FileAlreadyExistsException raced) {
          // another process created it between the check and the link: read theirs
        }
      }
      return KeyFileFormat.read(Files.readAllBytes(file), network);
    } catch (IOException e) {
      throw new UncheckedIOException("key file " + file + ": cannot create or read it", e);
    }
  }

  /**
   * Writes {@code content} to {@code file} owner-only and durably (see the class comment); creates
   * missing directories with mode 0700.
   *
   * @param file the target
   * @param content the bytes
   * @param replace whether an existing file is replaced
   * @throws FileAlreadyExistsException when the file exists and {@code replace} is false; nothing
   *     was changed
   * @throws IOException when writing fails; the target is then unchanged
   */
  public static void writeOwnerOnly(Path file, byte[] content, boolean replace) throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(dir)) {
      if (posix) {
        Files.createDirectories(dir, permissions("rwx------"));
      } else {
        Files.createDirectories(dir);
      }
    }
    if (!replace && Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    Path temp =
        posix
            ? Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX, permissions("rw-------"))
            : Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.write(java.nio.ByteBuffer.wrap(content));
        channel.force(true);
      }
      if (replace) {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        place(temp, target);
      }
      forceDirectory(dir);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Gives {@code temp} the name {@code target} only if that name is free, in one step. */
  private static void place(Path temp, Path target) throws IOException {
    try {
      Files.createLink(target, temp);
    } catch (UnsupportedOperationException noHardLinks) {
      Files.move(temp, target); // without REPLACE_EXISTING: fails when the target appeared
    }
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException notOnThisPlatform) {
      // some platforms cannot open a directory; the rename itself is then as durable as it gets
    }
  }

  private static FileAttribute<?> permissions(String mode) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode));
  }
}
