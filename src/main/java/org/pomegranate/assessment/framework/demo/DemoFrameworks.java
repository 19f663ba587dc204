package org.pomegranate.assessment.framework.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.pomegranate.assessment.framework.FrameworkKind;
import org.pomegranate.assessment.framework.FrameworkRows;
import org.pomegranate.assessment.framework.FrameworkService;
import org.pomegranate.assessment.framework.FrameworkSettings;
import org.pomegranate.assessment.framework.FrameworkSpreadsheets;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.database.DemoDataCondition;
import org.pomegranate.shared.database.LoaderIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two demonstration frameworks of the embedded database, issued by 四川省 and published:
 * 示范县测评指标（演示） (7 大类, 20 项, 58 条, 100 points, bonus capped at 5, confirmed by the
 * county and then the prefecture) and 机关测评指标（演示）, read from the CSVs of
 * {@code assessment/frameworks/} by the same parser as an .xlsx import, as an admin of 四川省
 * would import them. Neither is an official table; each says so on its page. Loaded once, in
 * well under a second: about 130 rows.
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(4)
public class DemoFrameworks implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoFrameworks.class);

	static final String COUNTY = "示范县测评指标（演示）";

	static final String AGENCY = "机关测评指标（演示）";

	private static final String NOTE = "演示用指标体系：依据已收集的公开材料片段（青海、保山市、旧版社区与机关测评表等）和本系统种子材料编写，"
			+ "标注“演示”的条目为示例自拟。并非国家或省级正式测评指标，请以正式印发的指标体系为准。";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final FrameworkService frameworks;

	private final FrameworkSpreadsheets spreadsheets;

	DemoFrameworks(JdbcTemplate jdbc, TransactionTemplate transaction, FrameworkService frameworks,
			FrameworkSpreadsheets spreadsheets) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.frameworks = frameworks;
		this.spreadsheets = spreadsheets;
	}

	@Override
	public void run(ApplicationArguments args) {
		LoaderIdentity.loadOnce(jdbc, "select count(*) from indicator_framework where demonstration and issuer_region_code = '51'",
				transaction, () -> {
					load("county-demo.csv", FrameworkKind.COUNTY, COUNTY, List.of(RegionLevel.COUNTY, RegionLevel.PREFECTURE));
					load("agency-demo.csv", FrameworkKind.AGENCY, AGENCY, List.of(RegionLevel.COUNTY));
					log.info("Demo indicator frameworks loaded: {} and {}", COUNTY, AGENCY);
				});
	}

	private void load(String file, FrameworkKind kind, String name, List<RegionLevel> approvalLevels) {
		var settings = new FrameworkSettings(name, BigDecimal.valueOf(100), BigDecimal.valueOf(90), BigDecimal.valueOf(5), null,
				10, approvalLevels, true, NOTE);
		try (var reader = new InputStreamReader(new ClassPathResource("assessment/frameworks/" + file).getInputStream(),
				StandardCharsets.UTF_8)) {
			var draft = spreadsheets.createFrom(kind, settings, FrameworkRows.csv(reader));
			frameworks.publish(draft.getId(), draft.getVersion());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
