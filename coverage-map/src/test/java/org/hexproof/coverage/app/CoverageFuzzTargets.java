package org.hexproof.coverage.app;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hexproof.core.testing.fuzz.FuzzTarget;
import org.hexproof.support.http.BadRequestException;

/**
 * The coverage API's query and path values ({@link Params}) as a fuzz target. An input is six
 * values separated by {@code &}: latitude, longitude (then {@link Params#point}), an integer (zoom
 * or resolution), a hotspot key, an H3 cell and an instant, each parsed as the controllers do; the
 * documented refusal is {@link BadRequestException} (a 400 with problem JSON).
 */
public final class CoverageFuzzTargets {
  private CoverageFuzzTargets() {}

  /** The params target. */
  public static FuzzTarget params() {
    return FuzzTarget.of(
        "coverage-params",
        List.of(
            FuzzTarget.utf8(
                "52.0907&5.1214&12&112qB3YaH5bZkCnKA5uRH7tBtGNv2Y5B4smv1jsmvGUzgKT71QpE"
                    + "&631615575095659519&2026-11-25T03:14:29Z"),
            FuzzTarget.utf8("-90&180&0&1&8b3f304e4032fff&2026-11-25T03:14:29.123Z")),
        List.of(BadRequestException.class),
        CoverageFuzzTargets::parse);
  }

  private static void parse(byte[] input) {
    String[] v = new String(input, StandardCharsets.UTF_8).split("&", -1);
    double lat = Params.number("lat", v[0]);
    double lng = Params.number("lng", at(v, 1));
    Params.point("lat", lat, "lng", lng);
    Params.integer("z", at(v, 2));
    Params.key("key", at(v, 3));
    Params.cell("cell", at(v, 4));
    Params.instant("since", at(v, 5));
  }

  private static String at(String[] values, int i) {
    return i < values.length ? values[i] : null;
  }
}
