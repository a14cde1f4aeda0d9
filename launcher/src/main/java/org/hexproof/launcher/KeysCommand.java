package org.hexproof.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hexproof.bridge.files.DurableFiles;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.KeyFileFormat;
import org.hexproof.core.keys.MalformedKeyException;
import org.hexproof.core.keys.Network;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hexproof keys}: create and inspect Ed25519 key files of hotspots and oracles. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Create and inspect Ed25519 key files.",
    subcommands = {KeysCommand.New.class, KeysCommand.Show.class})
final class KeysCommand implements Runnable {
  static final String DEFAULT_FILE = "${sys:user.home}/.hexproof/hotspot.key";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "expected a subcommand: new or show");
  }

  /** {@code hexproof keys new}: a fresh key pair in a file only its owner can read. */
  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description = "Create a key file (owner-only permissions) and print its public key.")
  static final class New implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin KeyFile keyFile;

    @Option(
        names = "--format",
        defaultValue = "pem",
        paramLabel = "pem|helium",
        description =
            "pem: PKCS#8 (openssl reads it); helium: 65-byte gateway keypair; default pem")
    String format;

    @Option(names = "--force", description = "replace an existing file")
    boolean force;

    @Override
    public void run() {
      CommandLine cli = spec.commandLine();
      Ed25519KeyPair key = Ed25519KeyPair.generate(keyFile.network(cli), new SecureRandom());
      byte[] content =
          switch (format.toLowerCase(Locale.ROOT)) {
            case "pem" -> KeyFileFormat.writePem(key);
            case "helium" -> KeyFileFormat.writeHeliumBinary(key);
            default -> throw Options.bad(cli, "--format", "pem or helium", format);
          };
      writeOwnerOnly(keyFile.file, content, force);
      Json.print(cli.getOut(), describe(key, keyFile.file));
    }
  }

  /** {@code hexproof keys show}: the public key of a key file. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Print the public key of a key file (PEM or Helium gateway_key.bin).")
  static final class Show implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin KeyFile keyFile;

    @Override
    public void run() {
      CommandLine cli = spec.commandLine();
      Path file = keyFile.file;
      byte[] content;
      try {
        content = Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        throw new BadInputException("--file: no such file " + file);
      } catch (AccessDeniedException e) {
        throw new BadInputException("--file: cannot read " + file + " (permission denied)");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
      Ed25519KeyPair key;
      try {
        key = KeyFileFormat.read(content, keyFile.network(cli));
      } catch (MalformedKeyException e) {
        throw new BadInputException(file + ": " + e.getMessage(), e);
      }
      Map<String, Object> result = describe(key, file);
      result.put("owner_only", ownerOnly(file));
      Json.print(cli.getOut(), result);
    }
  }

  /** The options every key subcommand shares. */
  static final class KeyFile {
    @Option(
        names = "--file",
        defaultValue = DEFAULT_FILE,
        paramLabel = "PATH",
        description = "the key file; default ${DEFAULT-VALUE}")
    Path file;

    @Option(
        names = "--network",
        defaultValue = "mainnet",
        paramLabel = "mainnet|testnet",
        description = "network of the public key (Helium binary files carry their own)")
    String network;

    Network network(CommandLine cli) {
      return Options.network(cli, "--network", network);
    }
  }

  private static Map<String, Object> describe(Ed25519KeyPair key, Path file) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("public_key", key.publicKey().toBase58());
    result.put("network", key.network().name().toLowerCase(Locale.ROOT));
    result.put("key_type", "ed25519");
    result.put("file", file.toAbsolutePath().toString());
    return result;
  }

  /**
   * Writes the file so that no other user can ever read it and a crash never leaves part of it: the
   * bytes go to a temporary file created with mode 0600 in the same directory and forced to disk,
   * which then takes the name ({@link DurableFiles}); without {@code replace} an existing file,
   * even one created a moment ago by another process, is never replaced.
   */
  static void writeOwnerOnly(Path file, byte[] content, boolean replace) {
    Path target = file.toAbsolutePath();
    if (!replace && Files.exists(target)) {
      throw new BadInputException(
          "--file: " + target + " exists; pass --force to replace it (the old key is lost)");
    }
    try {
      Path dir = target.getParent();
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
      if (replace) {
        DurableFiles.replace(target, content, ownerOnly);
      } else if (!DurableFiles.createOnce(target, content, ownerOnly)) {
        throw new FileAlreadyExistsException(target.toString());
      }
    } catch (FileAlreadyExistsException e) {
      throw new BadInputException("--file: " + target + " exists; pass --force to replace it");
    } catch (AccessDeniedException e) {
      throw new BadInputException("--file: cannot write " + target + " (permission denied)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  private static boolean ownerOnly(Path file) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      return perms.stream().allMatch(p -> p.name().startsWith("OWNER_"));
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
