package org.hexproof.coverage.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.coverage.model.Measurement;
import org.hexproof.coverage.store.MeasurementConflictException;
import org.hexproof.support.http.BadRequestException;

/** Drive-test uploads: measurements override the model in their cells. */
@Controller("/v1/coverage/measurements")
@Requires(property = "hexproof.coverage.enabled", value = "true")
final class MeasurementController {
  private final CoverageState state;
  private final CoverageConfig config;

  MeasurementController(CoverageState state, CoverageConfig config) {
    this.state = state;
    this.config = config;
  }

  /**
   * Stores a batch of measurements, all or none; a measurement already stored is not stored again,
   * so an upload can be repeated safely, but one with a stored measurement's time, place and
   * hearers and another signal is refused (400), with the rest of its upload.
   *
   * @param body a JSON array of {@code {lat, lng, time, rssi, snr, heard_by}}
   * @return how many were accepted, how many of those were new and how many already stored (the
   *     same time, place and hearers), and the map version including them; 400 naming the first bad
   *     field
   */
  @Post
  @ExecuteOn(TaskExecutors.BLOCKING)
  Views.Accepted upload(@Body List<Views.MeasurementInput> body) {
    if (body == null || body.isEmpty()) {
      throw new BadRequestException("measurements: expected a non-empty JSON array, got none");
    }
    if (body.size() > config.maxMeasurementsPerRequest()) {
      throw new BadRequestException(
          "measurements: expected at most "
              + config.maxMeasurementsPerRequest()
              + " per request, got "
              + body.size());
    }
    List<Measurement> parsed = new ArrayList<>(body.size());
    for (int i = 0; i < body.size(); i++) {
      parsed.add(parse("measurements[" + i + "].", body.get(i)));
    }
    int stored;
    try {
      stored = state.addMeasurements(parsed).size();
    } catch (MeasurementConflictException e) {
      throw new BadRequestException("measurements[" + e.index() + "]: " + e.getMessage());
    }
    return new Views.Accepted(
        parsed.size(), stored, parsed.size() - stored, state.current().version());
  }

  static Measurement parse(String at, Views.MeasurementInput in) {
    if (in == null) {
      throw new BadRequestException(at + ": expected an object, got null");
    }
    LatLng where =
        Params.point(
            at + "lat", require(at + "lat", in.lat()), at + "lng", require(at + "lng", in.lng()));
    Instant when = Params.instant(at + "time", in.time());
    Set<PublicKey> heardBy = new HashSet<>();
    List<String> keys = in.heardBy() == null ? List.of() : in.heardBy();
    for (int k = 0; k < keys.size(); k++) {
      heardBy.add(Params.key(at + "heard_by[" + k + "]", keys.get(k)));
    }
    if (heardBy.isEmpty()) {
      if (in.rssi() != null || in.snr() != null) {
        throw new BadRequestException(
            at
                + "rssi/snr: expected null when heard_by is empty (nobody heard it), got rssi="
                + in.rssi()
                + ", snr="
                + in.snr());
      }
      return Measurement.notHeard(where, when);
    }
    double rssi = require(at + "rssi", in.rssi());
    double snr = require(at + "snr", in.snr());
    if (rssi < -200 || rssi > 50) {
      throw new BadRequestException(at + "rssi: expected dBm in [-200, 50], got " + rssi);
    }
    if (snr < -50 || snr > 50) {
      throw new BadRequestException(at + "snr: expected dB in [-50, 50], got " + snr);
    }
    return Measurement.heard(where, when, rssi, snr, heardBy);
  }

  private static double require(String name, Double value) {
    if (value == null || !Double.isFinite(value)) {
      throw new BadRequestException(name + ": expected a number, got " + value);
    }
    return value;
  }
}
