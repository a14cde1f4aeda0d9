package org.hexproof.coverage.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hexproof.coverage.model.Accuracy;
import org.hexproof.coverage.model.AccuracyReport;

/**
 * The model's accuracy against the drive-test measurements it holds ({@code ModelAccuracy}): RMSE
 * of predicted vs measured RSSI, precision and recall of "covered", overall and per hotspot. It is
 * computed here, where the fitted models live, so a client never re-implements the fit.
 */
@Controller("/v1/coverage/accuracy")
@Requires(property = "hexproof.coverage.enabled", value = "true")
final class AccuracyController {
  private final CoverageState state;

  AccuracyController(CoverageState state) {
    this.state = state;
  }

  /**
   * The report.
   *
   * @param hotspot a base58 key to list alone; every hotspot with evidence when absent
   * @return overall and per-hotspot accuracy; 400 for a malformed key
   */
  @Get
  @ExecuteOn(TaskExecutors.BLOCKING)
  Views.AccuracyReport accuracy(@QueryValue @Nullable String hotspot) {
    CoverageState.Judged judged =
        state.accuracy(
            hotspot == null ? Optional.empty() : Optional.of(Params.key("hotspot", hotspot)));
    AccuracyReport report = judged.report();
    List<Views.Accuracy> hotspots = new ArrayList<>();
    report.hotspots().forEach(a -> hotspots.add(view(a)));
    return new Views.AccuracyReport(
        judged.snapshot().map().asOf().toString(),
        judged.snapshot().version(),
        view(report.overall()),
        hotspots);
  }

  static Views.Accuracy view(Accuracy a) {
    return new Views.Accuracy(
        a.hotspot().map(k -> k.toBase58()).orElse(null),
        a.points(),
        a.heard(),
        a.predictedCovered(),
        a.truePositives(),
        a.falsePositives(),
        a.falseNegatives(),
        a.trueNegatives(),
        boxed(a.precision()),
        boxed(a.recall()),
        a.rssiPairs(),
        boxed(a.rmseDb()),
        boxed(a.meanErrorDb()));
  }

  private static Double boxed(OptionalDouble v) {
    return v.isPresent() ? v.getAsDouble() : null;
  }
}
