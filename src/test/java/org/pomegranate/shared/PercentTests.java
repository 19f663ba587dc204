package org.pomegranate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pomegranate.pairing.CoverageReport;
import org.pomegranate.petition.PetitionCounts;

/**
 * Shares round half up to one decimal, and where there is nothing to share there is no share:
 * the coverage of a region without target households and the satisfaction of a county without a
 * rated petition are "—", not 100 % or 0 % (issue 10, items 3 and 4).
 */
class PercentTests {

	@Test
	void roundsHalfUpToOneDecimal() {
		assertThat(Percent.of(37, 60)).isEqualTo(61.7);
		assertThat(Percent.of(43, 144)).isEqualTo(29.9);
		assertThat(Percent.of(1, 8)).isEqualTo(12.5);
		assertThat(Percent.of(1, 16)).isEqualTo(6.3);
		assertThat(Percent.of(2, 3)).isEqualTo(66.7);
		assertThat(Percent.of(60, 60)).isEqualTo(100.0);
		assertThat(Percent.of(0, 60)).isEqualTo(0.0);
	}

	@Test
	void nothingToShareIsNoShare() {
		assertThat(Percent.of(0, 0)).isNull();
		assertThat(new CoverageReport.Row("513301", "康定市", 0, 0, 0, 0, 0).coveragePercent()).isNull();
		assertThat(new CoverageReport.Row("513301", "康定市", 60, 37, 0, 0, 0).coveragePercent()).isEqualTo(61.7);
		assertThat(PetitionCounts.NONE.satisfactionPercent()).isNull();
		assertThat(PetitionCounts.NONE.resolvedPercent()).isNull();
		assertThat(PetitionCounts.NONE.reopenPercent()).isNull();
	}

}
