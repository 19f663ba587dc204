package org.pomegranate.pairing;

import org.pomegranate.pairing.household.Household;
import org.pomegranate.pairing.household.HouseholdService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pomegranate.pairing.HouseholdQueries.aHouseholdQuery;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.CappedPage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A list longer than {@link CappedPage#CAP} rows past its page counts no further and says "more
 * than"; near its end the total is exact again.
 */
@IntegrationTest
@WithUserDetails("gz_admin")
class CappedListTests {

	private static final int ROWS = 1_100;

	@Autowired
	HouseholdService households;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void countsALongListOnlyAsFarAsTheCapPastThePage() throws Exception {
		PairingFixtures.township(jdbc);
		jdbc.update("""
				insert into household (head_name, id_number, ethnicity, region_code, member_count, categories)
				select '长列表户' || g, '9' || lpad(g::text, 16, '0') || 'X', '04', ?, 3, 1
				from generate_series(1, ?) g""", PairingFixtures.VILLAGE_B, ROWS);
		var query = aHouseholdQuery().containing("长列表户").in(PairingFixtures.VILLAGE_B).build();
		var sort = Sort.by("id");

		var first = households.search(query, PageRequest.of(0, 20, sort));
		assertThat(first.getContent()).hasSize(20);
		assertThat(((CappedPage<Household>) first).isCapped()).isTrue();
		assertThat(first.getTotalElements()).isEqualTo(20 + CappedPage.CAP);
		assertThat(first.hasNext()).isTrue();

		var near = households.search(query, PageRequest.of(5, 20, sort));
		assertThat(((CappedPage<Household>) near).isCapped()).isFalse();
		assertThat(near.getTotalElements()).isEqualTo(ROWS);

		var last = households.search(query, PageRequest.of(ROWS / 20 - 1, 20, sort));
		assertThat(last.getContent()).hasSize(20);
		assertThat(last.getContent().get(19).getHeadName()).isEqualTo("长列表户" + ROWS);
		assertThat(last.hasNext()).isFalse();
		assertThat(last.getTotalElements()).isEqualTo(ROWS);

		var page = mvc.perform(get("/households").param("regionCode", PairingFixtures.VILLAGE_B).param("text", "长列表户")
			.with(user(users.loadUserByUsername("gz_admin")))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("超过 1,020 条").contains("第 1 页").doesNotContain("/ 56 页");
	}

	@AfterEach
	void removeTheRows() {
		jdbc.update("delete from household where head_name like '长列表户%'");
	}

}
