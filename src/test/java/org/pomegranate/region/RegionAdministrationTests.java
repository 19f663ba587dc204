package org.pomegranate.region;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An admin of 康定市 maintains the townships and villages of the county; nobody else can.
 */
@IntegrationTest
class RegionAdministrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anAdminAddsRenamesAndRetiresATownshipOfTheCounty() throws Exception {
		var admin = user(users.loadUserByUsername("kd_admin"));
		var lastTownship = jdbc.queryForObject("select max(code) from region where parent_code = '513301'", String.class);
		var expectedCode = "513301" + String.format("%03d", Integer.parseInt(lastTownship.substring(6)) + 1);

		mvc.perform(post("/regions/513301/children").param("submission", UUID.randomUUID().toString())
			.param("name", "石榴籽新区").with(admin).with(csrf()));
		assertThat(jdbc.queryForMap("select name, level, parent_code from region where code = ?", expectedCode))
			.containsEntry("name", "石榴籽新区")
			.containsEntry("level", "TOWNSHIP")
			.containsEntry("parent_code", "513301");

		var duplicate = mvc.perform(post("/regions/513301/children").param("submission", UUID.randomUUID().toString())
			.param("name", "石榴籽新区").with(admin).with(csrf()))
			.andReturn();
		assertThat(duplicate.getFlashMap().get("failure")).isEqualTo("region.error.duplicateName");
		assertThat(duplicate.getFlashMap().get("childName")).isEqualTo("石榴籽新区");

		var village = mvc.perform(post("/regions/" + expectedCode + "/children").param("submission", UUID.randomUUID().toString())
			.param("name", "团结村").with(admin).with(csrf()))
			.andReturn();
		assertThat(village.getFlashMap().get("success")).isEqualTo("region.added");
		assertThat(jdbc.queryForObject("select code from region where parent_code = ?", String.class, expectedCode))
			.isEqualTo(expectedCode + "001");

		mvc.perform(post("/regions/" + expectedCode + "/rename").param("name", "石榴籽镇").param("version", "0")
			.with(admin).with(csrf()));
		assertThat(name(expectedCode)).isEqualTo("石榴籽镇");
		var stale = mvc.perform(post("/regions/" + expectedCode + "/rename").param("name", "别的名字").param("version", "0")
			.with(admin).with(csrf())).andReturn();
		assertThat(stale.getFlashMap().get("failure")).isEqualTo("error.staleEdit");
		assertThat(name(expectedCode)).isEqualTo("石榴籽镇");

		mvc.perform(post("/regions/" + expectedCode + "/retire").param("version", "1").with(admin).with(csrf()));
		assertThat(jdbc.queryForObject("select retired_at is not null from region where code = ?", Boolean.class, expectedCode))
			.isTrue();
		var underRetired = mvc.perform(post("/regions/" + expectedCode + "/children").param("submission", UUID.randomUUID().toString())
			.param("name", "新村").with(admin).with(csrf()))
			.andReturn();
		assertThat(underRetired.getFlashMap().get("failure")).isEqualTo("region.error.parentRetired");

		var page = mvc.perform(get("/regions/513301").with(admin)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("石榴籽镇").contains("已撤销");
		assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'Region' and entity_id = ?",
				Long.class, expectedCode)).isEqualTo(3);
	}

	@Test
	void countiesAndAboveAreNationalFactsAndOtherRolesCannotChangeAnything() throws Exception {
		var admin = user(users.loadUserByUsername("gz_admin"));
		var renameCounty = mvc.perform(post("/regions/513301/rename").param("name", "改名").param("version", "0")
			.with(admin).with(csrf())).andReturn();
		assertThat(renameCounty.getFlashMap().get("failure")).isEqualTo("region.error.notManaged");
		assertThat(name("513301")).isEqualTo("康定市");

		var staff = mvc.perform(post("/regions/513301/children").param("submission", UUID.randomUUID().toString())
			.param("name", "越权乡")
			.with(user(users.loadUserByUsername("kd_staff"))).with(csrf())).andReturn();
		assertThat(staff.getResponse().getStatus()).isEqualTo(403);
		assertThat(jdbc.queryForObject("select count(*) from region where name = '越权乡'", Long.class)).isZero();
	}

	@Test
	void aCountyAdminCannotTouchAnotherCounty() throws Exception {
		var admin = user(users.loadUserByUsername("kd_admin"));
		var response = mvc.perform(post("/regions/513322/children").param("submission", UUID.randomUUID().toString())
			.param("name", "越界乡").with(admin).with(csrf()))
			.andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(jdbc.queryForObject("select count(*) from region where name = '越界乡'", Long.class)).isZero();
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_event where username = 'kd_admin' and action = 'OUT_OF_SCOPE' and entity_id = '513322'",
				Long.class)).isPositive();
	}

	@Test
	void searchFindsByNameOrCodeInsideTheScopeOnly() throws Exception {
		var staff = user(users.loadUserByUsername("kd_staff"));
		var byName = mvc.perform(get("/regions/search").param("q", "塔公").with(staff)).andReturn().getResponse();
		assertThat(byName.getContentAsString()).contains("塔公镇");
		var byCode = mvc.perform(get("/regions/search").param("q", "5133011").with(staff)).andReturn().getResponse();
		assertThat(byCode.getContentAsString()).contains("姑咱镇").doesNotContain("泸定");
		var elsewhere = mvc.perform(get("/regions/search").param("q", "成都").with(staff)).andReturn().getResponse();
		assertThat(elsewhere.getContentAsString()).contains("没有符合条件的记录");
	}

	private String name(String code) {
		return jdbc.queryForObject("select name from region where code = ?", String.class, code);
	}

}
