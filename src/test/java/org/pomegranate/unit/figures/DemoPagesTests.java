package org.pomegranate.unit.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo loader writes its units and titles with SQL of its own: the pages read them back as a
 * user would, so a history step or a state the entities do not know fails here, not in a demo.
 */
@IntegrationTest
@WithUserDetails("gz_admin")
class DemoPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theRevokedAndTheRectifyingDemoTitlesShowTheirHistoryAndReChecks() throws Exception {
		var revoked = demoTitle("REVOKED");
		var page = page("/namings/" + revoked);
		var number = jdbc.queryForObject("select revocation_number from naming where id = ?", String.class, revoked);
		assertThat(page).contains("已撤销", number, "限期三个月整改", "州民宗委督查组");

		var rectifying = demoTitle("RECTIFYING");
		assertThat(page("/namings/" + rectifying)).contains("限期整改", "育籽员队伍未及时调整充实", "州民宗委督查组");

		var valid = demoTitle("VALID");
		var decision = jdbc.queryForObject("select decision_number from naming where id = ?", String.class, valid);
		assertThat(page("/namings/" + valid)).contains("有效", decision);
		assertThat(page("/namings/" + valid + "/certificate")).contains("有效");
	}

	@Test
	void aDemoStudioShowsItsMembersDutyStatementAndHistory() throws Exception {
		var studio = jdbc.queryForObject("""
				select min(u.id) from campaign_unit u
				where u.kind = 'WORK_STUDIO' and u.created_by = 'demo' and u.wall_posted_on is not null
				  and exists (select 1 from stored_file f where f.owner_kind = 'unit-wall' and f.owner_id = u.id)""",
				Long.class);
		var name = jdbc.queryForObject("select name from campaign_unit where id = ?", String.class, studio);
		var page = page("/units/" + studio);
		assertThat(page).contains(name, "石榴籽工作室", "育籽员", "第1版");
		var township = jdbc.queryForObject("""
				select p.region_code from campaign_unit u join campaign_unit p on p.id = u.parent_id where u.id = ?""",
				String.class, studio);
		assertThat(page("/units/network?region=" + township)).contains(name);
	}

	@Test
	void theDemoReChecksAreOfKindsTheirRowsBearAndItsModelFamiliesAreDistinct() {
		assertThat(jdbc.queryForObject("select count(*) from naming_recheck where created_by = 'demo'", Long.class)).isPositive();
		// A 回访抽查 comes from a draw only: one without its draw is a row no page can explain.
		assertThat(jdbc.queryForObject("select count(*) from naming_recheck where kind = 'SPOT' and draw_id is null", Long.class))
			.isZero();
		// 500 示范家庭 and the 4 families among the 先进典型: 504 households of the pairing data, none named twice.
		assertThat(jdbc.queryForObject("""
				select count(distinct household_id) from naming where created_by = 'demo' and holder_kind = 'HOUSEHOLD'""",
				Long.class)).isEqualTo(504);
	}

	private long demoTitle(String state) {
		return jdbc.queryForObject("select min(id) from naming where created_by = 'demo' and state = ?", Long.class, state);
	}

	private String page(String path) throws Exception {
		var response = mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

}
