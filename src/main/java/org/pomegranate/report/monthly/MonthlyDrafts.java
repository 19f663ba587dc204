package org.pomegranate.report.monthly;

import java.time.Clock;
import java.time.YearMonth;
import java.util.TreeSet;

import org.pomegranate.account.AccountService;
import org.pomegranate.figures.Period;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the 1st of each month, a draft report of the month before for every prefecture and county
 * where users work, waiting for its admins to write the narrative. Idempotent and safe on several
 * app nodes: each draft is an insert that does nothing when the draft exists.
 */
@Component
public class MonthlyDrafts {

	private static final Logger log = LoggerFactory.getLogger(MonthlyDrafts.class);

	private final AccountService accounts;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	public MonthlyDrafts(AccountService accounts, JdbcTemplate jdbc, Clock clock) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(cron = "0 30 1 1 * *", zone = "Asia/Shanghai")
	void onTheFirstOfTheMonth() {
		int made = draftLastMonth();
		log.info("Monthly report drafts of last month: {} new", made);
	}

	/** The drafts of the month before today (in China); returns how many were new. */
	@Transactional
	public int draftLastMonth() {
		var period = Period.month(YearMonth.from(ChinaTime.today(clock)).minusMonths(1));
		var regions = new TreeSet<RegionCode>();
		for (var code : accounts.regionsWithUsers()) {
			var region = RegionCode.of(code);
			region.at(RegionLevel.PREFECTURE).ifPresent(regions::add);
			region.at(RegionLevel.COUNTY).ifPresent(regions::add);
		}
		int made = 0;
		for (var region : regions) {
			if (ReportService.insertDraft(jdbc, region.toString(), period, "system")) {
				made++;
			}
		}
		return made;
	}

}
