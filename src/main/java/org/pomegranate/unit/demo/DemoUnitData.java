package org.pomegranate.unit.demo;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.jspecify.annotations.Nullable;
import org.pomegranate.files.FileOwner;
import org.pomegranate.files.FileStore;
import org.pomegranate.pairing.PairingDirectory;
import org.pomegranate.pairing.PairingDirectory.HouseholdSummary;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.database.DemoDataCondition;
import org.pomegranate.shared.database.LoaderIdentity;
import org.pomegranate.unit.naming.VerificationCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 甘孜州's 石榴籽 work network exactly as seed 000 counts it — 300 工作中心, 2,242 工作室, 2,737
 * 工作队, 6,087 育籽员 — over its 18 counties and their real townships and villages, and the
 * titles the seeds name: this year's 州级 batch (100 优秀石榴籽工作室, 500 示范家庭 of the pairing
 * demo households), the 10 先进典型 of the progress meeting, 甘孜州, 阿坝州 and 凉山州 as 省级 and
 * 国家级 示范州, an older batch expiring within 90 days, one title under 限期整改 and one revoked.
 * <p>
 * A centre per county and per township (but seven townships, whose villages' studios hang under
 * the county's centre), a studio in most villages, one or two teams per studio; each unit has a
 * head (a new cadre), and the 育籽员 are new cadres (level 育籽员) who are members of the studios
 * and teams. Most centres and studios have put their rules on the wall (one duty statement each,
 * {@code wall_posted_on} set; a small generated photo in the file store for every such centre and
 * one studio in four, where the owner kind {@code unit-wall} is declared). Deterministic (fixed seed) but for the verification codes, which
 * come from their secure source; loaded once, in set-based inserts (one statement per table).
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(3)
public class DemoUnitData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoUnitData.class);

	static final String PREFECTURE = "5133";

	static final int CENTRES = 300;

	static final int STUDIOS = 2_242;

	static final int TEAMS = 2_737;

	static final int YUZIYUAN = 6_087;

	static final int EXCELLENT_STUDIOS = 100;

	static final int MODEL_HOUSEHOLDS = 500;

	/** The households among the 10 先进典型 of the progress meeting. */
	static final int MODEL_FAMILIES = 4;

	/** The file store's owner kind of 上墙 photos, declared by the unit module's network part. */
	static final String WALL_PHOTO_OWNER = "unit-wall";

	private static final String[] SURNAMES_TIBETAN = { "泽仁", "扎西", "格桑", "次仁", "洛绒", "益西", "降央", "尼玛", "达瓦", "呷绒",
			"曲珍", "卓玛", "拉姆", "央宗", "多吉", "登真", "四郎", "阿旺", "根呷", "翁姆" };

	private static final String[] GIVEN_TIBETAN = { "卓玛", "多吉", "拉姆", "旺姆", "邓珠", "降措", "翁姆", "取珍", "措姆", "丹增", "泽仁",
			"志玛", "彭措", "曲批", "央金", "格绒" };

	private static final String[] SURNAMES_HAN = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "罗", "彭", "高", "杜",
			"何", "邓" };

	private static final String[] GIVEN_HAN = { "建国", "秀英", "国华", "桂兰", "志强", "玉梅", "德明", "春燕", "永福", "红梅", "文军",
			"兴华", "晓东", "丽娟" };

	private static final String CENTRE_RULES = """
			一、宣传阐释习近平总书记关于加强和改进民族工作的重要思想，铸牢中华民族共同体意识。
			二、统筹指导辖区石榴籽工作室、工作队开展民族团结进步创建工作，每季度至少召开一次工作例会。
			三、建立育籽员队伍，组织培训、考核和调整充实，做到底数清、情况明。
			四、收集、推送、化解群众困难诉求，做到群众点单、干部接单、群众评单。
			五、按月报送创建工作情况，建立工作台账和佐证材料。""";

	private static final String STUDIO_RULES = """
			一、常态化开展民族团结进步宣传教育，每月至少组织一次宣讲或交往交流交融活动。
			二、育籽员联系服务辖区群众，入户走访，收集困难诉求并及时报告工作中心。
			三、指导工作队开展结对认亲、互帮互助，做好走访记录。
			四、规程、职责上墙公示，接受群众监督。""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final RegionService regions;

	private final PairingDirectory pairing;

	private final FileStore files;

	private final ObjectProvider<FileOwner> fileOwners;

	/** How long each table took, for the log line. */
	private final StringBuilder timings = new StringBuilder();

	DemoUnitData(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock, RegionService regions,
			PairingDirectory pairing, FileStore files, ObjectProvider<FileOwner> fileOwners) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
		this.regions = regions;
		this.pairing = pairing;
		this.files = files;
		this.fileOwners = fileOwners;
	}

	@Override
	public void run(ApplicationArguments args) {
		LoaderIdentity.loadOnce(jdbc, "select count(*) from campaign_unit", transaction, this::load);
	}

	private void load() {
		long start = System.nanoTime();
		var random = new Random(2026_03_18L);
		var today = ChinaTime.today(clock);
		var network = new Network(today, random);
		network.build();
		long built = System.nanoTime();
		network.insert();
		long inserted = System.nanoTime();
		int photos = network.storeWallPhotos();
		long stored = System.nanoTime();
		int titles = new Titles(today, random, network).insert();
		// These tables were empty a moment ago: statistics now, so that the tally triggers and the figures
		// plan for thousands of rows at once instead of after autovacuum's next round.
		jdbc.execute("analyze cadre, campaign_unit, unit_membership, yuziyuan_cadre, naming");
		log.info("Demo unit data: {} centres, {} studios, {} teams, {} 育籽员, {} 上墙 ({} photos), {} titles "
				+ "in {} ms (regions {} ms, rows {} ms, photos {} ms, titles {} ms;{})", network.count("WORK_CENTRE"),
				network.count("WORK_STUDIO"), network.count("WORK_TEAM"), YUZIYUAN, network.wallPosted(), photos, titles,
				(System.nanoTime() - start) / 1_000_000, (built - start) / 1_000_000, (inserted - built) / 1_000_000,
				(stored - inserted) / 1_000_000, (System.nanoTime() - stored) / 1_000_000, timings);
	}

	/** A county, township or village of the prefecture. */
	record Place(String code, String name, String parentCode) {
	}

	/** A unit as generated, before and after its row is written. */
	static final class Unit {

		final long id;

		final String kind;

		final String name;

		final String regionCode;

		final @Nullable Unit parent;

		final LocalDate foundedOn;

		@Nullable LocalDate wallPostedOn;

		Unit(long id, String kind, String name, String regionCode, @Nullable Unit parent, LocalDate foundedOn) {
			this.id = id;
			this.kind = kind;
			this.name = name;
			this.regionCode = regionCode;
			this.parent = parent;
			this.foundedOn = foundedOn;
		}

	}

	/** The network: its units, their heads and 育籽员. */
	private final class Network {

		private final LocalDate today;

		private final Random random;

		final List<Unit> units = new ArrayList<>();

		/** Cadres: name, gender, ethnicity, work unit, position, level, region, phone. */
		private final List<Object[]> cadres = new ArrayList<>();

		/** Memberships: unit, cadre index, role, region, joined on. */
		private final List<Object[]> memberships = new ArrayList<>();

		private long[] unitIds = new long[0];

		private int nextUnit;

		Network(LocalDate today, Random random) {
			this.today = today;
			this.random = random;
		}

		void build() {
			unitIds = ids("campaign_unit", CENTRES + STUDIOS + TEAMS);
			// The prefecture's tree in one read (in code order), as the region module keeps it.
			regions.get(PREFECTURE);
			var places = jdbc.query("""
					select code, name, parent_code from region where code like ? and retired_at is null order by code""",
					(row, n) -> new Place(row.getString("code"), row.getString("name"), row.getString("parent_code")),
					PREFECTURE + "_%");
			var counties = places.stream().filter(p -> p.parentCode().equals(PREFECTURE)).toList();
			var below = new java.util.HashMap<String, List<Place>>();
			places.forEach(p -> below.computeIfAbsent(p.parentCode(), k -> new ArrayList<>()).add(p));
			var townships = new ArrayList<Place>();
			var villagesOf = new java.util.HashMap<String, List<Place>>();
			for (var county : counties) {
				for (var township : below.getOrDefault(county.code(), List.of())) {
					townships.add(township);
					villagesOf.put(township.code(), below.getOrDefault(township.code(), List.of()));
				}
			}
			// A centre per county and per township, but for as many townships as the seed's 300 leave over:
			// the last township of the counties with the most townships.
			int withoutCentre = counties.size() + townships.size() - CENTRES;
			var skipped = new HashSet<String>();
			var byCount = new ArrayList<>(counties);
			byCount.sort((a, b) -> Long.compare(townshipsOf(townships, b), townshipsOf(townships, a)));
			for (int i = 0; i < withoutCentre; i++) {
				var county = byCount.get(i % byCount.size()).code();
				townships.stream()
					.filter(t -> t.code().startsWith(county) && !skipped.contains(t.code()))
					.reduce((first, second) -> second)
					.ifPresent(t -> skipped.add(t.code()));
			}
			var countyCentres = new java.util.HashMap<String, Unit>();
			for (var county : counties) {
				var centre = unit("WORK_CENTRE", county.name() + "石榴籽工作中心", county.code(), null,
						today.minusDays(1_500 + random.nextInt(300)));
				countyCentres.put(county.code(), centre);
			}
			var villages = new ArrayList<Place>();
			townships.forEach(t -> villages.addAll(villagesOf.get(t.code())));
			// A studio in every village but as many as the seed's 2,242 leave over, chosen at random.
			var withoutStudio = new HashSet<String>();
			var shuffled = new ArrayList<>(villages);
			Collections.shuffle(shuffled, random);
			shuffled.stream().limit(Math.max(0, villages.size() - STUDIOS)).forEach(v -> withoutStudio.add(v.code()));
			var studios = new ArrayList<Unit>();
			for (var township : townships) {
				var countyCentre = countyCentres.get(township.code().substring(0, 6));
				var centre = skipped.contains(township.code()) ? countyCentre
						: unit("WORK_CENTRE", township.name() + "石榴籽工作中心", township.code(), countyCentre,
								countyCentre.foundedOn.plusDays(30 + random.nextInt(300)));
				for (var village : villagesOf.get(township.code())) {
					if (!withoutStudio.contains(village.code())) {
						studios.add(unit("WORK_STUDIO", village.name() + "石榴籽工作室", village.code(), centre,
								centre.foundedOn.plusDays(60 + random.nextInt(400))));
					}
				}
			}
			// One team per studio, two in as many as the seed's 2,737 need.
			var twoTeams = new HashSet<Long>();
			var order = new ArrayList<>(studios);
			Collections.shuffle(order, random);
			order.stream().limit(TEAMS - studios.size()).forEach(s -> twoTeams.add(s.id));
			var teams = new ArrayList<Unit>();
			for (var studio : studios) {
				var base = studio.name.substring(0, studio.name.length() - "石榴籽工作室".length());
				boolean two = twoTeams.contains(studio.id);
				teams.add(unit("WORK_TEAM", base + (two ? "石榴籽工作一队" : "石榴籽工作队"), studio.regionCode, studio,
						teamFounded(studio)));
				if (two) {
					teams.add(unit("WORK_TEAM", base + "石榴籽工作二队", studio.regionCode, studio, teamFounded(studio)));
				}
			}
			// 规程上墙: most centres and studios, some time after they were founded.
			for (var unit : units) {
				int share = unit.kind.equals("WORK_CENTRE") ? 92 : unit.kind.equals("WORK_STUDIO") ? 85 : 0;
				if (random.nextInt(100) < share) {
					var posted = unit.foundedOn.plusDays(20 + random.nextInt(200));
					unit.wallPostedOn = posted.isAfter(today) ? today : posted;
				}
			}
			// A head for every unit; 育籽员 in the studios and teams, one each and a second in some.
			for (var unit : units) {
				memberships.add(new Object[] { unit, cadre(unit, "GENERAL", unit.kind.equals("WORK_TEAM") ? "队长" : "负责人"),
						"HEAD", joined(unit) });
			}
			var grassroots = new ArrayList<Unit>(studios);
			grassroots.addAll(teams);
			for (int i = 0; i < YUZIYUAN; i++) {
				var unit = i < grassroots.size() ? grassroots.get(i) : grassroots.get(random.nextInt(grassroots.size()));
				memberships.add(new Object[] { unit, cadre(unit, "YUZIYUAN", "育籽员"), "YUZIYUAN", joined(unit) });
			}
		}

		private long townshipsOf(List<Place> townships, Place county) {
			return townships.stream().filter(t -> t.code().startsWith(county.code())).count();
		}

		private LocalDate teamFounded(Unit studio) {
			var founded = studio.foundedOn.plusDays(30 + random.nextInt(300));
			return founded.isAfter(today) ? today : founded;
		}

		private LocalDate joined(Unit unit) {
			var joined = unit.foundedOn.plusDays(random.nextInt(90));
			return joined.isAfter(today) ? today : joined;
		}

		private Unit unit(String kind, String name, String regionCode, @Nullable Unit parent, LocalDate foundedOn) {
			var unit = new Unit(unitIds[nextUnit++], kind, name, regionCode, parent,
					foundedOn.isAfter(today) ? today : foundedOn);
			units.add(unit);
			return unit;
		}

		/** A new cadre of the unit's village or township; returns its index. */
		private int cadre(Unit unit, String level, String position) {
			boolean han = random.nextInt(6) == 0;
			var name = han ? pick(random, SURNAMES_HAN) + pick(random, GIVEN_HAN)
					: pick(random, SURNAMES_TIBETAN) + pick(random, GIVEN_TIBETAN);
			cadres.add(new Object[] { name, random.nextBoolean() ? "MALE" : "FEMALE", han ? "01" : "04", unit.name, position,
					level, unit.regionCode, "139" + String.format("%08d", random.nextInt(100_000_000)) });
			return cadres.size() - 1;
		}

		void insert() {
			var cadreIds = ids("cadre", cadres.size());
			var cadreRows = new ArrayList<Object[]>();
			for (int i = 0; i < cadres.size(); i++) {
				var c = cadres.get(i);
				cadreRows.add(new Object[] { cadreIds[i], c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7] });
			}
			insertRows("cadre", "id, name, gender, ethnicity, work_unit, position, level, region_code, phone",
					"int8,text,text,text,text,text,text,text,text", cadreRows);
			var heads = new java.util.HashMap<Long, String>();
			for (var m : memberships) {
				if (m[2].equals("HEAD")) {
					heads.put(((Unit) m[0]).id, (String) cadres.get((Integer) m[1])[0]);
				}
			}
			for (var kind : List.of("WORK_CENTRE", "WORK_STUDIO", "WORK_TEAM")) {
				var rows = new ArrayList<Object[]>();
				for (var unit : units) {
					// County centres first: township centres hang under them.
					if (unit.kind.equals(kind)) {
						rows.add(new Object[] { unit.id, unit.name, unit.kind, unit.regionCode,
								unit.parent == null ? null : unit.parent.id, null, heads.get(unit.id),
								"0836-" + (2_800_000 + random.nextInt(100_000)), Date.valueOf(unit.foundedOn),
								unit.wallPostedOn == null ? null : Date.valueOf(unit.wallPostedOn) });
					}
				}
				if (kind.equals("WORK_CENTRE")) {
					rows.sort((a, b) -> Boolean.compare(a[4] != null, b[4] != null));
				}
				insertRows("campaign_unit", """
						id, name, kind, region_code, parent_id, address, person_in_charge, phone, founded_on, wall_posted_on,
						created_by""", "int8,text,text,text,int8,text,text,text,date,date,text", withDemo(rows));
			}
			var membershipRows = new ArrayList<Object[]>();
			var events = new ArrayList<Object[]>();
			for (var unit : units) {
				events.add(new Object[] { unit.id, "CREATED", unit.name, at(unit.foundedOn) });
			}
			for (var m : memberships) {
				var unit = (Unit) m[0];
				var joined = (LocalDate) m[3];
				var cadre = cadres.get((Integer) m[1]);
				membershipRows.add(new Object[] { unit.id, cadreIds[(Integer) m[1]], m[2], unit.regionCode,
						Date.valueOf(joined) });
				events.add(new Object[] { unit.id, "MEMBER_JOINED", cadre[0] + "（" + cadre[4] + "）", at(joined) });
			}
			insertRows("unit_membership", "unit_id, cadre_id, role, region_code, joined_on, created_by",
					"int8,int8,text,text,date,text", withDemo(membershipRows));
			var statements = new ArrayList<Object[]>();
			for (var unit : units) {
				if (unit.kind.equals("WORK_TEAM")) {
					continue;
				}
				boolean centre = unit.kind.equals("WORK_CENTRE");
				var adopted = unit.wallPostedOn != null ? unit.wallPostedOn.minusDays(5 + random.nextInt(20))
						: unit.foundedOn.plusDays(10);
				adopted = adopted.isBefore(unit.foundedOn) ? unit.foundedOn : adopted.isAfter(today) ? today : adopted;
				statements.add(new Object[] { unit.id, 1, centre ? "石榴籽工作中心工作规程和职责" : "石榴籽工作室工作规程和职责",
						unit.name + "\n" + (centre ? CENTRE_RULES : STUDIO_RULES), Date.valueOf(adopted) });
				events.add(new Object[] { unit.id, "DUTY_STATEMENT", "第1版", at(adopted) });
				if (unit.wallPostedOn != null) {
					events.add(new Object[] { unit.id, "WALL_PHOTO", "规程上墙", at(unit.wallPostedOn) });
				}
			}
			insertRows("unit_duty_statement", "unit_id, version_no, title, body, adopted_on, created_by",
					"int8,int4,text,text,date,text", withDemo(statements));
			insertRows("unit_event", "unit_id, action, detail, at, actor", "int8,text,text,timestamptz,text",
					withDemo(events));
		}

		/** A small photo of the rules on the wall for the centres and some studios that put them up, where the store takes them. */
		int storeWallPhotos() {
			if (fileOwners.stream().noneMatch(owner -> owner.kind().equals(WALL_PHOTO_OWNER))) {
				log.info("No file owner of kind {}: the demo's 上墙 photos are left out", WALL_PHOTO_OWNER);
				return 0;
			}
			var photos = new byte[8][];
			for (int i = 0; i < photos.length; i++) {
				photos[i] = photo(i);
			}
			int stored = 0;
			for (var unit : units) {
				// Every centre's, and one studio's in four: 2,206 photos took ~4 s of the first start (measured
				// on a loaded machine, 1.7 ms each through the store); the others' 上墙 is recorded without a photo.
				if (unit.wallPostedOn != null && (unit.kind.equals("WORK_CENTRE") || unit.id % 4 == 0)) {
					files.store(WALL_PHOTO_OWNER, unit.id, unit.regionCode, "规程上墙.png",
							new ByteArrayInputStream(photos[(int) (unit.id % photos.length)]));
					stored++;
				}
			}
			return stored;
		}

		long count(String kind) {
			return units.stream().filter(u -> u.kind.equals(kind)).count();
		}

		long wallPosted() {
			return units.stream().filter(u -> u.wallPostedOn != null).count();
		}

	}

	/** The titles of the demo and their batches and history. */
	private final class Titles {

		private final LocalDate today;

		private final Random random;

		private final Network network;

		private final List<Object[]> namings = new ArrayList<>();

		private final List<Object[]> events = new ArrayList<>();

		private final List<Object[]> rechecks = new ArrayList<>();

		private long @Nullable [] reserved;

		private int nextId;

		Titles(LocalDate today, Random random, Network network) {
			this.today = today;
			this.random = random;
			this.network = network;
		}

		int insert() {
			int year = today.getYear();
			var studios = network.units.stream().filter(u -> u.kind.equals("WORK_STUDIO")).toList();
			var centres = network.units.stream().filter(u -> u.kind.equals("WORK_CENTRE") && u.parent != null).toList();
			var households = new ArrayList<>(pairing.householdsIn(PREFECTURE));
			Collections.shuffle(households, random);

			// 甘孜州 and its neighbours named 示范州 by the province, then by the nation (seed 001).
			var provincial = LocalDate.of(year - 4, Month.SEPTEMBER, 26);
			var national = LocalDate.of(year - 3, Month.NOVEMBER, 8);
			long provinceBatch = batch("51", "PROVINCE", year - 4, 1, "四川省民族团结进步示范州（市）",
					"川民宗发〔" + (year - 4) + "〕45号", provincial);
			long nationalBatch = batch("51", "NATIONAL", year - 3, 1, "全国民族团结进步示范区（第十批）",
					"民委发〔" + (year - 3) + "〕78号", national);
			for (var code : List.of("5133", "5132", "5134")) {
				var name = regions.get(code).getName();
				named("REGION", code, null, null, name, "四川省民族团结进步示范州", "PROVINCE", "51", provinceBatch,
						"川民宗发〔" + (year - 4) + "〕45号", provincial, "VALID");
				named("REGION", code, null, null, name, "全国民族团结进步示范州", "NATIONAL", "51", nationalBatch,
						"民委发〔" + (year - 3) + "〕78号", national, "VALID");
			}

			// This year's batch: 100 优秀石榴籽工作室 and 500 示范家庭.
			var namedOn = today.withDayOfYear(1).plusDays((today.getDayOfYear() - 1) * 3L / 5);
			var number = "甘民宗发〔" + year + "〕12号";
			long batch = batch(PREFECTURE, "PREFECTURE", year, 1, year + "年度优秀石榴籽工作室和民族团结进步示范家庭", number, namedOn);
			var excellent = pickSpread(studios, EXCELLENT_STUDIOS);
			for (var studio : excellent) {
				named("UNIT", studio.regionCode, studio.id, null, studio.name, "优秀石榴籽工作室", "PREFECTURE", PREFECTURE, batch,
						number, namedOn, "VALID");
			}
			for (var household : households.subList(0, Math.min(MODEL_HOUSEHOLDS, households.size()))) {
				named("HOUSEHOLD", household.regionCode(), null, household.id(), household.headName() + "家庭",
						"民族团结进步示范家庭", "PREFECTURE", PREFECTURE, batch, number, namedOn, "VALID");
			}

			// The 10 先进典型 named at the progress meeting: 6 units and 4 households.
			var meeting = namedOn.plusDays(Math.min(20, java.time.temporal.ChronoUnit.DAYS.between(namedOn, today)));
			var meetingNumber = "甘委发〔" + year + "〕27号";
			long models = batch(PREFECTURE, "PREFECTURE", year, 2, "全州民族团结进步创建工作推进会先进典型", meetingNumber, meeting);
			var modelUnits = new ArrayList<Unit>();
			modelUnits.addAll(pickSpread(centres, 3));
			studios.stream().filter(s -> !excellent.contains(s)).skip(500).limit(3).forEach(modelUnits::add);
			for (var unit : modelUnits) {
				named("UNIT", unit.regionCode, unit.id, null, unit.name, "民族团结进步先进典型", "PREFECTURE", PREFECTURE, models,
						meetingNumber, meeting, "VALID");
			}
			// The pairing demo has 541 households in 甘孜州: enough for 500 + 4 without naming one twice.
			if (households.size() < MODEL_HOUSEHOLDS + MODEL_FAMILIES) {
				log.warn("Only {} demo households in {}: fewer than the {} 示范家庭 and {} 先进典型 families", households.size(),
						PREFECTURE, MODEL_HOUSEHOLDS, MODEL_FAMILIES);
			}
			var others = households.subList(Math.min(MODEL_HOUSEHOLDS, households.size()),
					Math.min(MODEL_HOUSEHOLDS + MODEL_FAMILIES, households.size()));
			for (HouseholdSummary household : others) {
				named("HOUSEHOLD", household.regionCode(), null, household.id(), household.headName() + "家庭",
						"民族团结进步先进典型", "PREFECTURE", PREFECTURE, models, meetingNumber, meeting, "VALID");
			}

			// Five years ago: 20 centres named 示范单位, whose titles end within the next 90 days.
			var fiveYearsAgo = today.minusYears(5).plusDays(25);
			var oldNumber = "甘民宗发〔" + fiveYearsAgo.getYear() + "〕33号";
			long old = batch(PREFECTURE, "PREFECTURE", fiveYearsAgo.getYear(), 7, "民族团结进步示范单位", oldNumber, fiveYearsAgo);
			var oldCentres = pickSpread(centres, 23);
			for (int i = 0; i < 20; i++) {
				var centre = oldCentres.get(i);
				named("UNIT", centre.regionCode, centre.id, null, centre.name, "民族团结进步示范单位", "PREFECTURE", PREFECTURE,
						old, oldNumber, fiveYearsAgo.plusDays(i * 3L), "VALID");
			}
			// Three years ago: 示范单位 of whom one is under 限期整改 after a re-check and one was revoked.
			var threeYearsAgo = LocalDate.of(year - 3, Month.JUNE, 18);
			var midNumber = "甘民宗发〔" + (year - 3) + "〕21号";
			long mid = batch(PREFECTURE, "PREFECTURE", year - 3, 3, "民族团结进步示范单位", midNumber, threeYearsAgo);
			var rectifying = oldCentres.get(20);
			long rectifyingId = named("UNIT", rectifying.regionCode, rectifying.id, null, rectifying.name, "民族团结进步示范单位",
					"PREFECTURE", PREFECTURE, mid, midNumber, threeYearsAgo, "RECTIFYING");
			var checked = today.minusDays(25);
			var rectifyBy = today.plusDays(65);
			var rectifyFindings = "复查发现育籽员队伍未及时调整充实、走访记录不全，限期至" + rectifyBy + "整改";
			step(rectifyingId, "START_RECHECK", "VALID", "UNDER_RECHECK", checked.minusDays(14), null, "中期复查");
			step(rectifyingId, "RECORD_RECHECK", "UNDER_RECHECK", "RECTIFYING", checked, null, rectifyFindings);
			recheck(rectifyingId, rectifying.regionCode, checked.minusDays(14), checked, rectifyFindings, "RECTIFY");
			namings.get(namings.size() - 1)[15] = Date.valueOf(rectifyBy);
			var revoked = oldCentres.get(21);
			long revokedId = named("UNIT", revoked.regionCode, revoked.id, null, revoked.name, "民族团结进步示范单位", "PREFECTURE",
					PREFECTURE, mid, midNumber, threeYearsAgo, "REVOKED");
			var revokedOn = today.minusDays(40);
			var revocation = "甘民宗发〔" + revokedOn.getYear() + "〕31号";
			var reason = "复查发现规程未落实、工作中心长期未开展活动，限期整改后仍不达标";
			step(revokedId, "START_RECHECK", "VALID", "UNDER_RECHECK", revokedOn.minusDays(120), null, "中期复查");
			step(revokedId, "RECORD_RECHECK", "UNDER_RECHECK", "RECTIFYING", revokedOn.minusDays(100), null, "限期三个月整改");
			recheck(revokedId, revoked.regionCode, revokedOn.minusDays(120), revokedOn.minusDays(100), "规程未落实，限期三个月整改",
					"RECTIFY");
			step(revokedId, "REVOKE", "RECTIFYING", "REVOKED", revokedOn, revocation, reason);
			var row = namings.get(namings.size() - 1);
			row[16] = Date.valueOf(revokedOn);
			row[17] = revocation;
			row[18] = reason;
			for (int i = 22; i < oldCentres.size(); i++) {
				var centre = oldCentres.get(i);
				named("UNIT", centre.regionCode, centre.id, null, centre.name, "民族团结进步示范单位", "PREFECTURE", PREFECTURE,
						mid, midNumber, threeYearsAgo, "VALID");
			}

			insertRows("naming", """
					id, holder_kind, holder_region_code, unit_id, household_id, holder_name, title, level, issuer_region_code,
					state, applied_on, batch_id, named_on, valid_until, decision_number, rectify_by, revoked_on,
					revocation_number, revocation_reason, verification_code, created_by""",
					"int8,text,text,int8,int8,text,text,text,text,text,date,int8,date,date,text,date,date,text,text,text,text",
					withDemo(namings));
			insertRows("naming_event", "naming_id, action, from_state, to_state, on_date, document_number, note, actor",
					"int8,text,text,text,date,text,text,text", withDemo(events));
			var inspected = rechecks.stream()
				.map(r -> new Object[] { r[0], "AD_HOC", r[1], r[2], r[3], "州民宗委督查组", r[4], r[5] })
				.toList();
			insertRows("naming_recheck",
					"naming_id, kind, region_code, planned_on, checked_on, inspectors, findings, result, created_by",
					"int8,text,text,date,date,text,text,text,text", withDemo(inspected));
			return namings.size();
		}

		/** Up to {@code count} of the units, spread evenly over the list (so over the counties). */
		private List<Unit> pickSpread(List<Unit> units, int count) {
			var picked = new ArrayList<Unit>();
			for (int i = 0; i < count && i < units.size(); i++) {
				picked.add(units.get((int) ((long) i * units.size() / count)));
			}
			return picked;
		}

		private long batch(String issuer, String level, int year, int number, String title, String decision,
				LocalDate decidedOn) {
			return jdbc.queryForObject("""
					insert into naming_batch (issuer_region_code, level, year, number, title, decision_number, decided_on,
					                          created_by)
					values (?, ?, ?, ?, ?, ?, ?, 'demo') returning id""", Long.class, issuer, level, year, number, title,
					decision, Date.valueOf(decidedOn));
		}

		/** A title applied for, named in its batch, and now in {@code state}; returns its id. */
		private long named(String holderKind, String regionCode, @Nullable Long unitId, @Nullable Long householdId,
				String holderName, String title, String level, String issuer, long batch, String decision,
				LocalDate namedOn, String state) {
			if (reserved == null || nextId == reserved.length) {
				reserved = ids("naming", 256);
				nextId = 0;
			}
			long id = reserved[nextId++];
			var applied = namedOn.minusDays(30 + random.nextInt(60));
			namings.add(new Object[] { id, holderKind, regionCode, unitId, householdId, holderName, title, level, issuer,
					state, Date.valueOf(applied), batch, Date.valueOf(namedOn), Date.valueOf(validUntil(namedOn, 5)),
					decision, null, null, null, null, VerificationCodes.next() });
			step(id, "FILE", null, "APPLIED", applied, null, null);
			step(id, "NAME", "APPLIED", "VALID", namedOn, decision, null);
			return id;
		}

		/**
		 * A mid-term re-check (中期复查) of a title by the prefecture's inspection group, with its result:
		 * of kind 专项复查, as a 回访抽查 comes only from a draw, which the demo does not make.
		 */
		private void recheck(long naming, String regionCode, LocalDate plannedOn, LocalDate checkedOn, String findings,
				String result) {
			rechecks.add(new Object[] { naming, regionCode, Date.valueOf(plannedOn), Date.valueOf(checkedOn), findings,
					result });
		}

		private void step(long naming, String action, @Nullable String from, String to, LocalDate on,
				@Nullable String document, @Nullable String note) {
			events.add(new Object[] { naming, action, from, to, Date.valueOf(on), document, note });
		}

	}

	/** The last day of a title named on {@code namedOn} for {@code years}: 29 February counts on to 1 March. */
	static LocalDate validUntil(LocalDate namedOn, int years) {
		var end = namedOn.plusYears(years);
		if (namedOn.getMonth() == Month.FEBRUARY && namedOn.getDayOfMonth() == 29 && end.getDayOfMonth() == 28) {
			end = end.plusDays(1);
		}
		return end.minusDays(1);
	}

	/** {@code n} ids drawn from the table's identity sequence, for rows that refer to each other. */
	private long[] ids(String table, int n) {
		if (n == 0) {
			return new long[0];
		}
		return jdbc.queryForList("select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)", Long.class,
				table, n)
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
	}

	/** The rows with {@code 'demo'} appended as the last column (created_by, actor). */
	private static List<Object[]> withDemo(List<Object[]> rows) {
		return rows.stream().map(row -> {
			var copy = Arrays.copyOf(row, row.length + 1);
			copy[row.length] = "demo";
			return copy;
		}).toList();
	}

	/** Inserts the rows in one statement (one array per column), so a statement trigger runs once. */
	private void insertRows(String table, String columns, String types, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		var typeNames = types.split(",");
		var sql = new StringBuilder("insert into ").append(table).append(" (").append(columns).append(") select * from unnest(");
		for (int i = 0; i < typeNames.length; i++) {
			sql.append(i == 0 ? "" : ", ").append("?::").append(typeNames[i]).append("[]");
		}
		sql.append(")");
		long start = System.nanoTime();
		jdbc.update(connection -> {
			var statement = connection.prepareStatement(sql.toString());
			for (int column = 0; column < typeNames.length; column++) {
				var values = new Object[rows.size()];
				for (int row = 0; row < rows.size(); row++) {
					values[row] = rows.get(row)[column];
				}
				statement.setArray(column + 1, connection.createArrayOf(typeNames[column], values));
			}
			return statement;
		});
		timings.append(' ').append(table).append(' ').append((System.nanoTime() - start) / 1_000_000).append(" ms");
	}

	private static java.sql.Timestamp at(LocalDate day) {
		return java.sql.Timestamp.from(day.atTime(9, 30).atZone(ChinaTime.ZONE).toInstant());
	}

	/** A small picture of a board on a wall: a frame, a red title bar and lines of text. */
	private static byte[] photo(int variant) {
		var image = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new Color(222 - variant * 6, 214, 200));
		g.fillRect(0, 0, 120, 90);
		g.setColor(Color.WHITE);
		g.fillRect(20, 12, 80, 66);
		g.setColor(new Color(190, 30, 45));
		g.fillRect(20, 12, 80, 12);
		g.setColor(Color.DARK_GRAY);
		for (int line = 0; line < 6; line++) {
			g.fillRect(26, 30 + line * 7, 50 + (line * 13 + variant * 7) % 22, 2);
		}
		g.dispose();
		try {
			var out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

}
