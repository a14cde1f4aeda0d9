package org.hexproof.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.hexproof.core.keys.PublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static JsonNode json(CliRun run) throws Exception {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  @Test
  void new_key_file_is_owner_only_and_show_prints_the_same_public_key() throws Exception {
    Path file = dir.resolve("nested/hotspot.key");

    JsonNode created = json(CliRun.of("keys", "new", "--file", file.toString()));
    JsonNode shown = json(CliRun.of("keys", "show", "--file", file.toString()));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(shown.get("public_key").asText()).isEqualTo(created.get("public_key").asText());
    assertThat(shown.get("owner_only").asBoolean()).isTrue();
    PublicKey key = PublicKey.fromBase58(created.get("public_key").asText());
    assertThat(key.keyType().name()).isEqualTo("ED25519");
    assertThat(created.get("network").asText()).isEqualTo("mainnet");
  }

  @Test
  void pem_key_signs_with_the_jdk_and_verifies_against_the_printed_public_key() throws Exception {
    Path file = dir.resolve("k.pem");
    JsonNode created = json(CliRun.of("keys", "new", "--file", file.toString()));
    String pem = Files.readString(file);
    byte[] der =
        Base64.getMimeDecoder()
            .decode(
                pem.replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", ""));
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(
        KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der)));
    byte[] message = "witness report".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    signer.update(message);
    byte[] signature = signer.sign();

    PublicKey printed = PublicKey.fromBase58(created.get("public_key").asText());
    assertThat(printed.verify(message, signature)).isTrue();
  }

  @Test
  void helium_format_carries_the_testnet_tag() throws Exception {
    Path file = dir.resolve("gateway_key.bin");
    JsonNode created =
        json(
            CliRun.of(
                "keys",
                "new",
                "--file",
                file.toString(),
                "--format",
                "helium",
                "--network",
                "testnet"));
    JsonNode shown = json(CliRun.of("keys", "show", "--file", file.toString()));

    assertThat(Files.size(file)).isEqualTo(65);
    assertThat(shown.get("network").asText()).isEqualTo("testnet");
    assertThat(shown.get("public_key").asText()).isEqualTo(created.get("public_key").asText());
  }

  @Test
  void refuses_to_overwrite_a_key_without_force_and_keeps_the_old_one() throws Exception {
    Path file = dir.resolve("hotspot.key");
    JsonNode first = json(CliRun.of("keys", "new", "--file", file.toString()));

    CliRun again = CliRun.of("keys", "new", "--file", file.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.errIsOneLine()).isTrue();
    assertThat(again.err()).contains("--file").contains("exists").contains("--force");
    assertThat(json(CliRun.of("keys", "show", "--file", file.toString())).get("public_key"))
        .isEqualTo(first.get("public_key"));

    JsonNode replaced = json(CliRun.of("keys", "new", "--file", file.toString(), "--force"));
    assertThat(replaced.get("public_key")).isNotEqualTo(first.get("public_key"));
    assertThat(dir.toFile().list()).containsExactly("hotspot.key");
  }

  @Test
  void show_rejects_missing_and_malformed_files_with_one_line() throws Exception {
    CliRun missing = CliRun.of("keys", "show", "--file", dir.resolve("none.key").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--file: no such file");

    Path garbage = dir.resolve("garbage.key");
    Files.writeString(garbage, "not a key\n");
    CliRun malformed = CliRun.of("keys", "show", "--file", garbage.toString());
    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.errIsOneLine()).isTrue();
    assertThat(malformed.err()).contains("expected a PKCS#8 PEM Ed25519 private key");
  }

  @Test
  void bad_option_values_name_the_option() {
    CliRun run =
        CliRun.of("keys", "new", "--file", dir.resolve("x").toString(), "--network", "devnet");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--network: expected mainnet or testnet, got \"devnet\"");
    assertThat(dir.resolve("x")).doesNotExist();
  }
}
