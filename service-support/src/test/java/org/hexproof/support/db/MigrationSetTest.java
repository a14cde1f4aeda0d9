package org.hexproof.support.db;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationSetTest {
  private final ClassLoader loader = getClass().getClassLoader();

  @Test
  void loadsTheIndexedFilesInVersionOrderWithChecksums() {
    MigrationSet set = MigrationSet.fromClasspath(loader, "support_test");

    assertThat(set.schema()).isEqualTo("support_test");
    assertThat(set.scripts())
        .extracting(MigrationScript::version, MigrationScript::description)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "create item"),
            org.assertj.core.groups.Tuple.tuple(2, "seed items"));
    assertThat(set.scripts().get(0).checksum()).hasSize(64).matches("[0-9a-f]+");
    assertThat(set.latestVersion()).isEqualTo(2);
  }

  @Test
  void checksumIsSha256OfTheBytes() {
    assertThat(MigrationScript.of("V1__x.sql", "abc".getBytes(UTF_8)).checksum())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void versionGapFails() {
    assertThatThrownBy(() -> MigrationSet.fromClasspath(loader, "migration-sets/gap", "gapped"))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("schema gapped: version 2 is missing")
        .hasMessageContaining("V1__one.sql is followed by V3__three.sql");
  }

  @Test
  void setNotStartingAtOneFails() {
    assertThatThrownBy(() -> new MigrationSet("s", List.of(script("V2__two.sql"))))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("version 1 is missing (the first file is V2__two.sql)");
  }

  @Test
  void duplicateVersionFails() {
    assertThatThrownBy(
            () ->
                new MigrationSet(
                    "s", List.of(script("V1__a.sql"), script("V2__b.sql"), script("V2__c.sql"))))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("version 2 is used twice: V2__b.sql and V2__c.sql");
  }

  @Test
  void emptySetFails() {
    assertThatThrownBy(() -> new MigrationSet("s", List.of()))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("no migration files");
  }

  @Test
  void badFileNamesFail() {
    for (String name : List.of("V01__x.sql", "V1_x.sql", "v1__x.sql", "V1__x.SQL", "V1__.sql")) {
      assertThatThrownBy(() -> script(name))
          .isInstanceOf(MigrationException.class)
          .hasMessageContaining(name)
          .hasMessageContaining("expected V<n>__<description>.sql");
    }
  }

  @Test
  void badSchemaNamesFail() {
    assertThatThrownBy(() -> new MigrationSet("Poc; DROP", List.of(script("V1__a.sql"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case SQL identifier");
  }

  @Test
  void missingIndexFailsNamingIt() {
    assertThatThrownBy(() -> MigrationSet.fromClasspath(loader, "migration-sets/noindex", "none"))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("no migration-sets/noindex/none/index.txt on the classpath");
  }

  @Test
  void indexedFileMissingFails() {
    assertThatThrownBy(() -> MigrationSet.fromClasspath(loader, "migration-sets/missing", "absent"))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("lists V2__two.sql but migration-sets/missing/absent/V2__two.sql");
  }

  @Test
  void fileMissingFromTheIndexFailsWhenTheFolderCanBeListed() {
    assertThatThrownBy(() -> MigrationSet.fromClasspath(loader, "migration-sets/unlisted", "extra"))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("index.txt does not list V2__forgotten.sql");
  }

  private static MigrationScript script(String name) {
    return MigrationScript.of(name, "SELECT 1;".getBytes(UTF_8));
  }
}
