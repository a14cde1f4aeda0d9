package org.hexproof.support.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

  @Test
  void parsesTheR2dbcForm() {
    DatabaseUrl url = DatabaseUrl.parse("r2dbc:postgresql://poc:s3cret@db.internal:6543/hexproof");

    assertThat(url)
        .isEqualTo(new DatabaseUrl("db.internal", 6543, "hexproof", "poc", "s3cret", Map.of()));
  }

  @Test
  void parsesThePoolPrefixedR2dbcForm() {
    assertThat(DatabaseUrl.parse("r2dbc:pool:postgresql://poc@localhost/hexproof"))
        .isEqualTo(new DatabaseUrl("localhost", 5432, "hexproof", "poc", null, Map.of()));
  }

  @Test
  void parsesThePostgresFormWithQueryOptions() {
    DatabaseUrl url =
        DatabaseUrl.parse("postgres://u:p@pg.example.com:5433/prod?sslmode=require&x=1");

    assertThat(url)
        .isEqualTo(
            new DatabaseUrl(
                "pg.example.com", 5433, "prod", "u", "p", Map.of("sslmode", "require", "x", "1")));
    assertThat(DatabaseUrl.parse("postgresql://u@h/d").host()).isEqualTo("h");
  }

  @Test
  void decodesPercentEscapesWithoutTurningPlusIntoSpace() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://us%40er:p%3Aa%2Fss+w%C3%B6rd@h:1/d%20b");

    assertThat(url.user()).isEqualTo("us@er");
    assertThat(url.password()).isEqualTo("p:a/ss+wörd");
    assertThat(url.database()).isEqualTo("d b");
  }

  @Test
  void parsesBracketedIpv6Hosts() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://u@[::1]:5000/d");

    assertThat(url.host()).isEqualTo("::1");
    assertThat(url.port()).isEqualTo(5000);
    assertThat(url.redacted()).isEqualTo("r2dbc:postgresql://u@[::1]:5000/d");
  }

  @Test
  void buildsDriverOptions() {
    ConnectionFactoryOptions options =
        DatabaseUrl.parse("postgres://u:p@h:1/d?sslmode=require").toOptions();

    assertThat(options.getValue(ConnectionFactoryOptions.DRIVER)).isEqualTo("postgresql");
    assertThat(options.getValue(ConnectionFactoryOptions.HOST)).isEqualTo("h");
    assertThat(options.getValue(ConnectionFactoryOptions.PORT)).isEqualTo(1);
    assertThat(options.getValue(ConnectionFactoryOptions.DATABASE)).isEqualTo("d");
    assertThat(options.getValue(ConnectionFactoryOptions.USER)).isEqualTo("u");
    assertThat(options.getValue(ConnectionFactoryOptions.PASSWORD)).hasToString("p");
    assertThat(options.getValue(Option.valueOf("sslmode"))).isEqualTo("require");
  }

  @Test
  void hidesThePasswordInToString() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://u:hunter2@h:1/d");

    assertThat(url.toString()).doesNotContain("hunter2").isEqualTo(url.redacted());
    assertThat(url.redacted()).isEqualTo("r2dbc:postgresql://u:***@h:1/d");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mysql://u:p@h:3306/d",
        "jdbc:postgresql://h:5432/d",
        "r2dbc:h2:mem:///d",
        "postgres://u:p@h:5432",
        "postgres://u:p@h:5432/",
        "postgres://u:p@h:5432/a/b",
        "postgres://h:5432/d",
        "postgres://:p@h/d",
        "postgres://u:p@:5432/d",
        "postgres://u:p@h:port/d",
        "postgres://u:p@h:70000/d",
        "postgres://u:p@h/d?sslmode",
        "postgres://u:p%zz@h/d",
        "postgres://u:p@[::1/d",
        ""
      })
  void rejectsMalformedUrlsSayingWhatWasExpected(String text) {
    assertThatThrownBy(() -> DatabaseUrl.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("database URL: expected r2dbc:postgresql://")
        .hasMessageContaining("got '");
  }

  @Test
  void rejectionDoesNotEchoThePassword() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:hunter2@h:3306/d"))
        .hasMessageNotContaining("hunter2")
        .hasMessageContaining("mysql://u:***@h:3306/d")
        .hasMessageContaining("unsupported scheme");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:hunter2@h:x/d"))
        .hasMessageNotContaining("hunter2")
        .hasMessageContaining("port is not a number");
  }

  @Test
  void configuredUrlWinsOverTheEnvironment() {
    assertThat(
            DatabaseUrl.resolve(
                Optional.of("r2dbc:postgresql://a@configured/d"),
                Optional.of("postgres://b@environment/d")))
        .map(DatabaseUrl::host)
        .contains("configured");
  }

  @Test
  void environmentIsUsedWhenNothingIsConfigured() {
    assertThat(DatabaseUrl.resolve(Optional.of(" "), Optional.of("postgres://b@environment/d")))
        .map(DatabaseUrl::host)
        .contains("environment");
  }

  @Test
  void noUrlMeansEmbedded() {
    assertThat(DatabaseUrl.resolve(Optional.empty(), Optional.of(""))).isEmpty();
    assertThat(DatabaseConfig.defaults().resolveUrl(Optional.empty())).isEmpty();
  }

  @Test
  void malformedEnvironmentUrlFails() {
    assertThatThrownBy(() -> DatabaseUrl.resolve(Optional.empty(), Optional.of("nonsense")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 'nonsense'");
  }
}
