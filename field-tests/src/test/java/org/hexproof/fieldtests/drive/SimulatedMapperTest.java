package org.hexproof.fieldtests.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hexproof.core.geo.LatLng;
import org.hexproof.fieldtests.devnet.Devnet;
import org.hexproof.fieldtests.rf.Geodesy;
import org.hexproof.fieldtests.sites.City;
import org.hexproof.fieldtests.sites.SiteSampler;
import org.junit.jupiter.api.Test;

class SimulatedMapperTest {
  private static final Instant START = Instant.parse("2026-11-25T06:00:00Z");

  private static List<DriveRow> drive(long seed) {
    List<DriveFleet.Hotspot> fleet = DriveFleet.seeded(City.VALLETTA, 6, seed);
    List<LatLng> route =
        DriveRoute.through(
            City.VALLETTA, fleet.stream().map(h -> h.site().position()).toList(), 250);
    return SimulatedMapper.drive(City.VALLETTA, seed, fleet, route, START, Duration.ofSeconds(10));
  }

  @Test
  void the_fleet_stands_where_the_devnet_puts_it() {
    List<DriveFleet.Hotspot> fleet = DriveFleet.seeded(City.VALLETTA, 5, Devnet.FLEET_SEED);

    assertThat(fleet)
        .extracting(h -> h.site().position())
        .isEqualTo(
            new SiteSampler(City.VALLETTA, Devnet.FLEET_SEED)
                .sample(5, SiteSampler.POC_MIN_SEPARATION_METERS));
    assertThat(fleet)
        .extracting(DriveFleet.Hotspot::name)
        .containsExactly("h01", "h02", "h03", "h04", "h05");
    assertThat(fleet.stream().map(DriveFleet.Hotspot::key).collect(Collectors.toSet())).hasSize(5);
  }

  @Test
  void the_same_seed_drives_the_same_file_and_another_seed_another() {
    String once = DriveCsv.write(drive(7));

    assertThat(DriveCsv.write(drive(7))).isEqualTo(once);
    assertThat(DriveCsv.write(drive(8))).isNotEqualTo(once);
  }

  @Test
  void packets_near_a_hotspot_are_heard_and_the_city_edge_has_silent_points() {
    List<DriveRow> rows = drive(7);
    List<DriveFleet.Hotspot> fleet = DriveFleet.seeded(City.VALLETTA, 6, 7);

    assertThat(DriveCsv.parse("sim.csv", DriveCsv.write(rows).getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(rows);
    for (DriveFleet.Hotspot h : fleet) {
      // the route passes through each site; within 100 m the link is far above the floor
      assertThat(rows)
          .as("%s is heard close to its site", h.name())
          .anySatisfy(
              r -> {
                assertThat(Geodesy.distanceMeters(r.location(), h.site().position()))
                    .isLessThan(100);
                assertThat(r.hearing())
                    .hasValueSatisfying(x -> assertThat(x.hotspot()).isEqualTo(h.key()));
              });
    }
    assertThat(rows).anySatisfy(r -> assertThat(r.hearing()).isEmpty());
    Set<Instant> times = rows.stream().map(DriveRow::time).collect(Collectors.toSet());
    assertThat(times).contains(START, START.plusSeconds(10));
    assertThat(rows.stream().filter(r -> r.hearing().isPresent()))
        .allSatisfy(r -> assertThat(r.hearing().get().rssiDbm()).isBetween(-140.0, 0.0));
  }

  @Test
  void an_interval_shorter_than_a_packet_is_refused() {
    List<DriveFleet.Hotspot> fleet = DriveFleet.seeded(City.VALLETTA, 1, 7);

    assertThatThrownBy(
            () ->
                SimulatedMapper.drive(
                    City.VALLETTA,
                    7,
                    fleet,
                    List.of(City.VALLETTA.center()),
                    START,
                    Duration.ofMillis(100)))
        .hasMessageContaining("interval: expected more than one packet's time on air");
  }
}
