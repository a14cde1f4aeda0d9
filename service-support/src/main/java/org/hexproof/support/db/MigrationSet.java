package org.hexproof.support.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The migration files of one schema, validated: versions run 1, 2, … n without gaps or duplicates.
 *
 * <p><b>Where the files live.</b> {@code db/migration/<schema>/V<n>__<description>.sql} on the
 * classpath (in a service module: {@code src/main/resources/db/migration/poc/…}), listed one per
 * line in {@code db/migration/<schema>/index.txt} (blank lines and {@code #} comments ignored).
 *
 * <p><b>Why an index file.</b> A class loader can open a resource by name but can't list a
 * directory portably: inside a jar, and more so inside a shaded fat jar, there is no directory to
 * list, and scanning the jar by hand depends on how the jar was built and launched. An index file
 * is read the same way everywhere. To keep it honest, when the directory is on the file system
 * (module tests, IDE runs) its {@code .sql} files are compared with the index and a file missing
 * from the index fails, so a forgotten line is caught by the owning module's own tests, not in
 * production.
 *
 * @param schema the PostgreSQL schema, a lower-case identifier
 * @param scripts the files ordered by version, exactly versions 1..n
 */
public record MigrationSet(String schema, List<MigrationScript> scripts) {

  /** Classpath folder holding one sub-folder per schema. */
  public static final String ROOT = "db/migration";

  /** Name of the index file in each schema folder. */
  public static final String INDEX = "index.txt";

  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /**
   * Validates the schema name and the version sequence.
   *
   * @param schema schema name
   * @param scripts the scripts in any order; stored ordered by version
   * @throws MigrationException on an empty set, a duplicate version or a gap
   */
  public MigrationSet {
    Objects.requireNonNull(schema, "schema");
    if (!SCHEMA.matcher(schema).matches()) {
      throw new IllegalArgumentException(
          "schema name: expected a lower-case SQL identifier [a-z_][a-z0-9_]*, got '"
              + schema
              + "'");
    }
    List<MigrationScript> sorted = new ArrayList<>(scripts);
    sorted.sort(Comparator.comparingInt(MigrationScript::version));
    if (sorted.isEmpty()) {
      throw new MigrationException("schema " + schema + ": no migration files");
    }
    for (int i = 0; i < sorted.size(); i++) {
      MigrationScript script = sorted.get(i);
      int expected = i + 1;
      if (script.version() == expected) {
        continue;
      }
      if (script.version() < expected) {
        throw new MigrationException(
            "schema "
                + schema
                + ": version "
                + script.version()
                + " is used twice: "
                + sorted.get(i - 1).fileName()
                + " and "
                + script.fileName());
      }
      throw new MigrationException(
          "schema "
              + schema
              + ": version "
              + expected
              + " is missing ("
              + (i == 0 ? "the first file is " : sorted.get(i - 1).fileName() + " is followed by ")
              + script.fileName()
              + "); versions must run 1, 2, 3, … without gaps");
    }
    scripts = List.copyOf(sorted);
  }

  /**
   * Loads {@code db/migration/<schema>/} through {@code loader}.
   *
   * @param loader class loader that sees the service's resources
   * @param schema schema name
   * @return the validated set
   * @throws MigrationException when the index or a listed file is missing or the set is invalid
   */
  public static MigrationSet fromClasspath(ClassLoader loader, String schema) {
    return fromClasspath(loader, ROOT, schema);
  }

  /**
   * Loads {@code <root>/<schema>/} through {@code loader}.
   *
   * @param loader class loader
   * @param root classpath folder holding one sub-folder per schema
   * @param schema schema name
   * @return the validated set
   * @throws MigrationException when the index or a listed file is missing or the set is invalid
   */
  public static MigrationSet fromClasspath(ClassLoader loader, String root, String schema) {
    String folder = root + "/" + schema + "/";
    String indexPath = folder + INDEX;
    byte[] index =
        read(loader, indexPath)
            .orElseThrow(
                () ->
                    new MigrationException(
                        "no "
                            + indexPath
                            + " on the classpath; list the schema's migration files there, one per"
                            + " line"));
    List<String> names =
        new String(index, StandardCharsets.UTF_8)
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();
    List<MigrationScript> scripts = new ArrayList<>();
    for (String name : names) {
      if (name.contains("/")) {
        throw new MigrationException(indexPath + " lists " + name + ": expected a bare file name");
      }
      byte[] content =
          read(loader, folder + name)
              .orElseThrow(
                  () ->
                      new MigrationException(
                          indexPath
                              + " lists "
                              + name
                              + " but "
                              + folder
                              + name
                              + " is not on the classpath"));
      scripts.add(MigrationScript.of(name, content));
    }
    checkUnlisted(loader.getResource(indexPath), names, indexPath);
    return new MigrationSet(schema, scripts);
  }

  /**
   * The highest version.
   *
   * @return n
   */
  public int latestVersion() {
    return scripts.get(scripts.size() - 1).version();
  }

  private static Optional<byte[]> read(ClassLoader loader, String path) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + path + " from the classpath", e);
    }
  }

  /** When the index is a plain file, every .sql file next to it must be listed. */
  private static void checkUnlisted(URL indexUrl, List<String> listed, String indexPath) {
    if (indexUrl == null || !"file".equals(indexUrl.getProtocol())) {
      return;
    }
    Path folder;
    try {
      folder = Path.of(indexUrl.toURI()).getParent();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return;
    }
    Set<String> unlisted;
    try (Stream<Path> files = Files.list(folder)) {
      unlisted =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".sql"))
              .filter(n -> !listed.contains(n))
              .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + folder, e);
    }
    if (!unlisted.isEmpty()) {
      throw new MigrationException(
          indexPath + " does not list " + String.join(", ", unlisted) + " found in " + folder);
    }
  }
}
