package org.pomegranate.unit.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.Downloads;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.Spreadsheet;
import org.pomegranate.unit.certificate.TitleDirectory;
import org.pomegranate.unit.certificate.TitleDirectory.Batch;
import org.pomegranate.unit.certificate.TitleDirectory.Entry;
import org.pomegranate.unit.certificate.TitleDirectory.Pages;
import org.pomegranate.unit.certificate.TitleDirectory.Query;
import org.pomegranate.unit.certificate.TitleDirectory.Section;
import org.pomegranate.unit.naming.HolderKind;
import org.pomegranate.unit.naming.NamingLevel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 名录: the titles held in a region of the user's subtree — the live ones by level, holder kind and
 * batch, then the revoked and the expired ones with their dates, each list a page at a time — and
 * all their rows as .xlsx.
 */
@Controller
class DirectoryController {

	private static final Map<Section, String> SECTIONS = Map.of(Section.LIVE, "directory.live", Section.REVOKED,
			"directory.revoked", Section.EXPIRED, "directory.expired");

	private final TitleDirectory directory;

	private final RegionService regions;

	private final DirectoryLabels labels;

	DirectoryController(TitleDirectory directory, RegionService regions, DirectoryLabels labels) {
		this.directory = directory;
		this.regions = regions;
		this.labels = labels;
	}

	@GetMapping("/namings/directory")
	String directory(@ModelAttribute("query") Query query, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "0") int revokedPage, @RequestParam(defaultValue = "0") int expiredPage,
			Model model) {
		var found = directory.of(query, new Pages(page, revokedPage, expiredPage));
		model.addAttribute("directory", found);
		model.addAttribute("regionName", regions.get(found.regionCode()).getName());
		model.addAttribute("regionChoices", regions.selectable(RegionLevel.COUNTY));
		model.addAttribute("levels", NamingLevel.values());
		model.addAttribute("holderKinds", HolderKind.values());
		model.addAttribute("batchYears", directory.batchYears());
		return "naming/directory";
	}

	/** Every row of the list (all pages of the three lists), streamed; the service audits the export. */
	@GetMapping("/namings/directory/export")
	void export(@ModelAttribute("query") Query query, HttpServletResponse response) throws IOException {
		var title = labels.text("directory.export.title");
		var download = Downloads.body(response, Downloads.XLSX, title + ".xlsx");
		Spreadsheet.write(download, title, List.of(labels.text("directory.column.section"), labels.text("directory.column.level"),
				labels.text("directory.column.holderKind"), labels.text("directory.column.batch"),
				labels.text("directory.column.batchDecision"), labels.text("directory.column.holder"),
				labels.text("directory.column.holderRegion"), labels.text("directory.column.title"),
				labels.text("directory.column.namedOn"), labels.text("directory.column.validUntil"),
				labels.text("directory.column.state"), labels.text("directory.column.revokedOn"),
				labels.text("directory.column.revocationNumber")),
				sink -> directory.export(query, (section, entry) -> row(sink, SECTIONS.get(section), entry)));
	}

	private void row(Consumer<List<@Nullable Object>> sink, String section, Entry entry) {
		var cells = new ArrayList<@Nullable Object>(Arrays.asList(labels.text(section), labels.of(entry.level()),
				labels.of(entry.holderKind()), batch(entry.batch()), entry.batch().decisionNumber(), entry.holder(),
				entry.holderRegionName(), entry.title(), entry.namedOn(), entry.validUntil(), labels.of(entry.state()),
				entry.revokedOn(), entry.revocationNumber()));
		sink.accept(cells);
	}

	/** {@code 2025年第1批}, or {@code 2025年单独命名} for a title named alone. */
	private String batch(Batch batch) {
		return batch.number() == null ? labels.text("directory.batch.single", String.valueOf(batch.year()))
				: labels.text("directory.batch.numbered", String.valueOf(batch.year()), batch.number());
	}

}
