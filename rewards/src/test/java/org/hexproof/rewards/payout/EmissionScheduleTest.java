package org.hexproof.rewards.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.core.token.TokenAmount;
import org.junit.jupiter.api.Test;

class EmissionScheduleTest {
  private static final EmissionSchedule DEFAULT = EmissionSchedule.defaults();

  private static Epoch day(String date) {
    return Epoch.dayContaining(Instant.parse(date + "T00:00:00Z"));
  }

  @Test
  void the_default_is_15_million_tokens_a_year_of_daily_epochs_with_8_decimals() {
    assertThat(DEFAULT.tokenDecimals()).isEqualTo(8);
    assertThat(DEFAULT.emissionFor(day("2026-01-01")).baseUnits())
        .isEqualTo(15_000_000L * 100_000_000L / 365);
  }

  @Test
  void halves_every_730_days_after_genesis_by_the_epoch_start() {
    long initial = DEFAULT.initialPerEpoch().baseUnits();
    assertThat(DEFAULT.emissionFor(day("2027-12-31")).baseUnits()).isEqualTo(initial);
    assertThat(DEFAULT.emissionFor(day("2028-01-01")).baseUnits()).isEqualTo(initial / 2);
    assertThat(DEFAULT.emissionFor(day("2029-12-31")).baseUnits()).isEqualTo(initial / 4);
  }

  @Test
  void epochs_before_genesis_get_the_initial_emission_and_63_halvings_leave_nothing() {
    assertThat(DEFAULT.emissionFor(day("2025-06-01"))).isEqualTo(DEFAULT.initialPerEpoch());
    EmissionSchedule fast =
        new EmissionSchedule(TokenAmount.of(Long.MAX_VALUE), 8, Duration.ofHours(1), Instant.EPOCH);
    assertThat(fast.emissionFor(new Epoch(62, Duration.ofHours(1))).baseUnits()).isEqualTo(1);
    assertThat(fast.emissionFor(new Epoch(63, Duration.ofHours(1)))).isEqualTo(TokenAmount.ZERO);
  }

  @Property
  void emission_never_grows_and_never_exceeds_the_initial_amount(
      @ForAll @LongRange(min = 0, max = 200_000) long index) {
    Epoch epoch = Epoch.ofDay(index);
    TokenAmount now = DEFAULT.emissionFor(epoch);
    assertThat(now.compareTo(DEFAULT.initialPerEpoch())).isLessThanOrEqualTo(0);
    assertThat(DEFAULT.emissionFor(epoch.next()).compareTo(now)).isLessThanOrEqualTo(0);
  }
}
