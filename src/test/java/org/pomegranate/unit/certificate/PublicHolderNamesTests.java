package org.pomegranate.unit.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A household on a public page: the head's surname, 某, 家庭. */
class PublicHolderNamesTests {

	@Test
	void aHanNameKeepsItsSurnameACompoundOneBothCharacters() {
		assertThat(PublicHolderNames.household("王建国", "01")).isEqualTo("王某家庭");
		assertThat(PublicHolderNames.household("李梅", "01")).isEqualTo("李某家庭");
		assertThat(PublicHolderNames.household("欧阳秀英", "01")).isEqualTo("欧阳某家庭");
		assertThat(PublicHolderNames.household("欧阳", "01")).as("a two-character name is surname and given name").isEqualTo("欧某家庭");
	}

	@Test
	void aTibetanOrYiNameKeepsItsFirstNamePart() {
		assertThat(PublicHolderNames.household("扎西卓玛", "04")).isEqualTo("扎西某家庭");
		assertThat(PublicHolderNames.household("泽仁多吉", "04")).isEqualTo("泽仁某家庭");
		assertThat(PublicHolderNames.household("曲比阿呷", "07")).isEqualTo("曲比某家庭");
		assertThat(PublicHolderNames.household("格桑", "04")).isEqualTo("格某家庭");
		assertThat(PublicHolderNames.household("阿依·木呷", "07")).isEqualTo("阿依某家庭");
		assertThat(PublicHolderNames.household(" 洛绒翁姆 ", "04")).isEqualTo("洛绒某家庭");
	}

}
