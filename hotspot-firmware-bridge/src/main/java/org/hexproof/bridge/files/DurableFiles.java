package org.hexproof.bridge.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files that survive a crash or a power cut once the call that wrote them has returned. */
public final class DurableFiles {
  /**
   * Read and write for everyone less what the process umask takes away: the mode a file created
   * without asking for one gets.
   */
  public static final Set<PosixFilePermission> UMASK_DECIDES =
      PosixFilePermissions.fromString("rw-rw-rw-");

  private DurableFiles() {}

  /**
   * Forces a directory's entries (created, renamed and deleted files) to disk. Linux supports this
   * through a read-only channel on the directory.
   */
  public static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /**
   * Creates {@code file} with {@code content} unless it exists, as one step: the bytes go to a
   * temporary file in the same directory, created with {@code permissions} and forced to disk,
   * which is then hard-linked to the name. A link never replaces an existing file, so of several
   * processes creating the same file at once exactly one succeeds and every other one finds its
   * file, complete (a rename would let the last writer silently replace the first one's content).
   * The directory is forced last, so the name survives a power cut.
   *
   * @param file the file to create; its directory must exist
   * @param content the whole content
   * @param permissions the POSIX permissions of the new file, e.g. owner read and write only
   * @return true when this call created the file, false when it already existed
   */
  public static boolean createOnce(Path file, byte[] content, Set<PosixFilePermission> permissions)
      throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Path temp = written(target, content, permissions);
    try {
      try {
        Files.createLink(target, temp);
      } catch (FileAlreadyExistsException taken) {
        return false;
      } catch (UnsupportedOperationException | FileSystemException noLinks) {
        // a file system without hard links (FAT on an SD card): a move that refuses to replace,
        // which leaves a short window between its check and its rename
        try {
          Files.move(temp, target);
        } catch (FileAlreadyExistsException taken) {
          return false;
        }
      }
      syncDirectory(dir);
      return true;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Replaces {@code file} with {@code content} as one step: a temporary file in the same directory,
   * created with {@code permissions} and forced to disk, renamed over the name, then the directory
   * forced. A reader sees the old content or the new, never a part.
   *
   * @param file the file to write; its directory must exist
   * @param content the whole content
   * @param permissions the POSIX permissions of the new file
   */
  public static void replace(Path file, byte[] content, Set<PosixFilePermission> permissions)
      throws IOException {
    Path target = file.toAbsolutePath();
    Path temp = written(target, content, permissions);
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory(target.getParent());
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** A new temporary file beside {@code target} holding {@code content}, forced to disk. */
  private static Path written(Path target, byte[] content, Set<PosixFilePermission> permissions)
      throws IOException {
    Path temp =
        Files.createTempFile(
            target.getParent(),
            "." + target.getFileName() + "-",
            ".tmp",
            PosixFilePermissions.asFileAttribute(permissions));
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.wrap(content);
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
      out.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return temp;
  }
}
