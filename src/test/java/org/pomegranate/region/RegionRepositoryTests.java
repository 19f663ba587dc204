package org.pomegranate.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pomegranate.TestDatabaseConfiguration;
import org.pomegranate.shared.RegionLevel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The division facts as the migrations load them, and the prefix index that the region scope
 * depends on.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(TestDatabaseConfiguration.class)
class RegionRepositoryTests {

	@Autowired
	RegionRepository regions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void loadsEveryCountyOfChinaAndEveryTownshipAndVillageOfSichuan() {
		assertThat(count("level = 'PROVINCE'")).isEqualTo(31);
		// Other tests add regions of their own (named 测试) to the shared test database.
		assertThat(count("level = 'PREFECTURE' and name not like '%测试%'")).isEqualTo(342);
		assertThat(count("level = 'COUNTY' and name not like '%测试%'")).isEqualTo(2978);
		assertThat(count("level = 'TOWNSHIP' and code like '51%' and length(code) = 9 and retired_at is null"))
			.isGreaterThanOrEqualTo(3111);
		assertThat(count("level = 'VILLAGE' and code like '51%' and length(code) = 12"))
			.isGreaterThanOrEqualTo(34412);
	}

	@Test
	void codesAreTheirOwnPaths() {
		var kangding = regions.findById("513301").orElseThrow();
		assertThat(kangding.getName()).isEqualTo("康定市");
		assertThat(kangding.getLevel()).isEqualTo(RegionLevel.COUNTY);
		assertThat(kangding.getParentCode()).isEqualTo("5133");
		assertThat(regions.findByParentCodeOrderByCode("513301")).extracting(Region::getName)
			.startsWith("炉城街道", "榆林街道");
		assertThat(count("parent_code is not null and code not like parent_code || '%'")).isZero();
		assertThat(count("code like '5133%' and level = 'COUNTY'")).isEqualTo(18);
	}

	@Test
	void aSubtreeIsReadThroughThePrefixIndex() {
		jdbc.execute("analyze region");
		var plan = String.join("\n", jdbc.queryForList(
				"explain select count(*) from region where code like '513301%'", String.class));
		assertThat(plan).contains("region_code_prefix");
	}

	private long count(String where) {
		return jdbc.queryForObject("select count(*) from region where " + where, Long.class);
	}

}
