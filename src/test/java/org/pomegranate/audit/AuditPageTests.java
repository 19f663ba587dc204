package org.pomegranate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Admins read the audit log of their own subtree, filtered and paginated; refusals are in it.
 */
@IntegrationTest
class AuditPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void aCountyAdminSeesTheEventsOfTheCountyOnlyAndCanFilterThem() throws Exception {
		var kdStaff = user(users.loadUserByUsername("kd_staff"));
		var ldStaff = user(users.loadUserByUsername("ld_staff"));
		mvc.perform(get("/admin/users").with(kdStaff));
		mvc.perform(get("/admin/audit").with(ldStaff));
		mvc.perform(get("/regions/513301").with(ldStaff));

		var admin = user(users.loadUserByUsername("kd_admin"));
		var page = mvc.perform(get("/admin/audit").param("action", "ACCESS_DENIED").with(admin))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("kd_staff").contains("GET /admin/users").doesNotContain("ld_staff");

		var gzAdmin = user(users.loadUserByUsername("gz_admin"));
		var prefecture = mvc.perform(get("/admin/audit").param("username", "ld_staff").with(gzAdmin))
			.andReturn().getResponse().getContentAsString();
		assertThat(prefecture).contains("<td>越权访问</td>").contains("<td>越界访问</td>").contains("GET /admin/audit");

		var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		var yesterday = mvc.perform(get("/admin/audit").param("username", "ld_staff")
			.param("to", today.minusDays(1).toString()).with(gzAdmin)).andReturn().getResponse().getContentAsString();
		assertThat(yesterday).contains("没有符合条件的记录");

		var byEntity = mvc.perform(get("/admin/audit").param("entityType", "Region").param("username", "ld_staff")
			.with(gzAdmin)).andReturn().getResponse().getContentAsString();
		assertThat(byEntity).contains("<td>越界访问</td>").doesNotContain("<td>越权访问</td>");
	}

}
