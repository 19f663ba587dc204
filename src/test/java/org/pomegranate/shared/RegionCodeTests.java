package org.pomegranate.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Region codes as paths, at every level, with the codes of the Ganzi data (51 四川省, 5133 甘孜州,
 * 513301 康定市, 513301001 炉城街道).
 */
class RegionCodeTests {

	private static final RegionCode SICHUAN = RegionCode.of("51");

	private static final RegionCode GANZI = RegionCode.of("5133");

	private static final RegionCode KANGDING = RegionCode.of("513301");

	private static final RegionCode LUCHENG = RegionCode.of("513301001");

	private static final RegionCode VILLAGE = RegionCode.of("513301001001");

	@Test
	void eachLengthIsALevel() {
		assertThat(SICHUAN.level()).isEqualTo(RegionLevel.PROVINCE);
		assertThat(GANZI.level()).isEqualTo(RegionLevel.PREFECTURE);
		assertThat(KANGDING.level()).isEqualTo(RegionLevel.COUNTY);
		assertThat(LUCHENG.level()).isEqualTo(RegionLevel.TOWNSHIP);
		assertThat(VILLAGE.level()).isEqualTo(RegionLevel.VILLAGE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "5", "513", "51330", "5133010", "51330100", "5133010010", "51330100100",
			"5133010010011", "51330100100a", "5133 ", " 5133", "51-3", "５１", "٥١", "51330100100１" })
	void refusesAnythingButTwoFourSixNineOrTwelveDigits(String text) {
		assertThat(RegionCode.parse(text)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> RegionCode.of(text));
	}

	@Test
	void refusesNothing() {
		assertThat(RegionCode.parse(null)).isEmpty();
	}

	@Test
	void isTheCodeAsText() {
		assertThat(VILLAGE).hasToString("513301001001");
		assertThat(RegionCode.parse("5133")).contains(GANZI);
		assertThat(RegionCode.of("5133")).isEqualTo(GANZI).hasSameHashCodeAs(GANZI);
		assertThat(Stream.of(LUCHENG, SICHUAN, VILLAGE, KANGDING, GANZI).sorted())
			.containsExactly(SICHUAN, GANZI, KANGDING, LUCHENG, VILLAGE);
	}

	@Test
	void theParentIsTheLevelAbove() {
		assertThat(SICHUAN.parent()).isEmpty();
		assertThat(GANZI.parent()).contains(SICHUAN);
		assertThat(KANGDING.parent()).contains(GANZI);
		assertThat(LUCHENG.parent()).contains(KANGDING);
		assertThat(VILLAGE.parent()).contains(LUCHENG);
	}

	@Test
	void ancestorsRunFromTheProvinceDownWithoutTheCodeItself() {
		assertThat(SICHUAN.ancestors()).isEmpty();
		assertThat(GANZI.ancestors()).containsExactly(SICHUAN);
		assertThat(KANGDING.ancestors()).containsExactly(SICHUAN, GANZI);
		assertThat(LUCHENG.ancestors()).containsExactly(SICHUAN, GANZI, KANGDING);
		assertThat(VILLAGE.ancestors()).containsExactly(SICHUAN, GANZI, KANGDING, LUCHENG);
		assertThat(VILLAGE.path()).containsExactly(SICHUAN, GANZI, KANGDING, LUCHENG, VILLAGE);
		assertThat(SICHUAN.path()).containsExactly(SICHUAN);
	}

	@Test
	void theCountyIsEmptyAboveACounty() {
		assertThat(SICHUAN.county()).isEmpty();
		assertThat(GANZI.county()).isEmpty();
		assertThat(KANGDING.county()).contains(KANGDING);
		assertThat(LUCHENG.county()).contains(KANGDING);
		assertThat(VILLAGE.county()).contains(KANGDING);
		assertThat(VILLAGE.at(RegionLevel.PREFECTURE)).contains(GANZI);
		assertThat(GANZI.at(RegionLevel.PREFECTURE)).contains(GANZI);
		assertThat(GANZI.at(RegionLevel.TOWNSHIP)).isEmpty();
	}

	@Test
	void coversItselfAndWhatLiesBelow() {
		for (var code : List.of(SICHUAN, GANZI, KANGDING, LUCHENG, VILLAGE)) {
			assertThat(code.covers(code)).as(code.toString()).isTrue();
			assertThat(SICHUAN.covers(code)).as(code.toString()).isTrue();
		}
		assertThat(GANZI.covers(VILLAGE)).isTrue();
		assertThat(KANGDING.covers(LUCHENG)).isTrue();
		assertThat(VILLAGE.covers(LUCHENG)).isFalse();
		assertThat(KANGDING.covers(GANZI)).isFalse();
	}

	@Test
	void siblingsSharingDigitsDoNotCoverEachOther() {
		// 513301 康定市 and 513302 share "51330"; 513301001 and 513301010 share "5133010".
		var luding = RegionCode.of("513322");
		var otherCounty = RegionCode.of("513302");
		assertThat(KANGDING.covers(otherCounty)).isFalse();
		assertThat(otherCounty.covers(KANGDING)).isFalse();
		assertThat(KANGDING.covers(RegionCode.of("513302001"))).isFalse();
		assertThat(LUCHENG.covers(RegionCode.of("513301010"))).isFalse();
		assertThat(LUCHENG.covers(RegionCode.of("513301010001"))).isFalse();
		assertThat(GANZI.covers(luding)).isTrue();
		assertThat(GANZI.covers(RegionCode.of("513401"))).isFalse();
		assertThat(RegionCode.of("5134").covers(KANGDING)).isFalse();
		assertThat(SICHUAN.covers(RegionCode.of("5201"))).isFalse();
	}

	@Test
	void levelsCompareFromTheProvinceDown() {
		assertThat(SICHUAN.isAbove(RegionLevel.PREFECTURE)).isTrue();
		assertThat(GANZI.isAbove(RegionLevel.PREFECTURE)).isFalse();
		assertThat(GANZI.isAbove(RegionLevel.COUNTY)).isTrue();
		assertThat(KANGDING.isAbove(RegionLevel.COUNTY)).isFalse();
		assertThat(VILLAGE.isAbove(RegionLevel.TOWNSHIP)).isFalse();
		assertThat(VILLAGE.isBelow(RegionLevel.TOWNSHIP)).isTrue();
		assertThat(KANGDING.isBelow(RegionLevel.COUNTY)).isFalse();
	}

	@Test
	void onlyProvincesAndPrefecturesAreAboveACounty() {
		assertThat(List.of(SICHUAN, GANZI, KANGDING, LUCHENG, VILLAGE)).map(RegionCode::isAboveCounty)
			.containsExactly(true, true, false, false, false);
	}

	@Test
	void childrenAreNumberedBelowTheirParent() {
		assertThat(LUCHENG.number()).isEqualTo(1);
		assertThat(RegionCode.of("513301012").number()).isEqualTo(12);
		assertThat(KANGDING.number()).isEqualTo(1);
		assertThat(SICHUAN.number()).isEqualTo(51);
		assertThat(KANGDING.child(12)).contains(RegionCode.of("513301012"));
		assertThat(LUCHENG.child(7)).contains(RegionCode.of("513301001007"));
		assertThat(GANZI.child(22)).contains(RegionCode.of("513322"));
		assertThat(KANGDING.child(999)).contains(RegionCode.of("513301999"));
		assertThat(KANGDING.child(1000)).isEmpty();
		assertThat(GANZI.child(100)).isEmpty();
		assertThat(KANGDING.child(0)).isEmpty();
		assertThat(VILLAGE.child(1)).isEmpty();
	}

	/** Who decides a transfer request (迁移申请): the lowest region covering both. */
	@Test
	void theLowestCommonRegionCoversBoth() {
		assertThat(RegionCode.of("513301001001").lowestCommonRegion(RegionCode.of("513301002003")))
			.contains(RegionCode.of("513301"));
		assertThat(RegionCode.of("513301001001").lowestCommonRegion(RegionCode.of("513322100001")))
			.contains(RegionCode.of("5133"));
		assertThat(RegionCode.of("513301001001").lowestCommonRegion(RegionCode.of("513301")))
			.contains(RegionCode.of("513301"));
		assertThat(RegionCode.of("513301001001").lowestCommonRegion(RegionCode.of("510106001001")))
			.contains(RegionCode.of("51"));
		assertThat(RegionCode.of("513301001001").lowestCommonRegion(RegionCode.of("540102"))).isEmpty();
	}

}
