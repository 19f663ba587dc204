package org.pomegranate.assessment.web.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.output.AssessmentComparison;
import org.pomegranate.assessment.output.AssessmentOutputs;
import org.pomegranate.assessment.output.AssessmentOverview;
import org.pomegranate.shared.Downloads;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * An assessment's outputs: the two reports and the score sheet as downloads, the comparison page
 * (self against evaluator by category, the holder's years), and the region overview.
 */
@Controller
class OutputController {

	private final AssessmentOutputs outputs;

	private final AssessmentComparison comparisons;

	private final AssessmentOverview overviews;

	private final JsonMapper json;

	OutputController(AssessmentOutputs outputs, AssessmentComparison comparisons, AssessmentOverview overviews,
			JsonMapper json) {
		this.outputs = outputs;
		this.comparisons = comparisons;
		this.overviews = overviews;
		this.json = json;
	}

	@GetMapping("/assessments/{id}/self-report.docx")
	ResponseEntity<byte[]> selfReport(@PathVariable long id) {
		return send(outputs.selfReport(id));
	}

	@GetMapping("/assessments/{id}/evaluation-report.docx")
	ResponseEntity<byte[]> evaluationReport(@PathVariable long id) {
		return send(outputs.evaluationReport(id));
	}

	@GetMapping("/assessments/{id}/scores.xlsx")
	ResponseEntity<byte[]> scores(@PathVariable long id) {
		return send(outputs.scoreSheet(id));
	}

	private static ResponseEntity<byte[]> send(AssessmentOutputs.Download download) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.type().mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(download.filename()))
			.body(download.bytes());
	}

	@GetMapping("/assessments/{id}/comparison")
	String comparison(@PathVariable long id, Model model) {
		var comparison = comparisons.comparison(id);
		model.addAttribute("comparison", comparison);
		model.addAttribute("assessment", comparison.sheet().assessment());
		model.addAttribute("heatmap", json.writeValueAsString(heatmap(comparison)));
		model.addAttribute("trend", json.writeValueAsString(trend(comparison)));
		return "assessment/output/comparison";
	}

	/** The heat map's data: a row per category, a column per article, the value evaluator − self. */
	private static Map<String, Object> heatmap(AssessmentComparison.Comparison comparison) {
		var rows = new ArrayList<String>();
		var cells = new ArrayList<List<Object>>();
		var labels = new ArrayList<List<String>>();
		int y = 0;
		for (var category : comparison.categories()) {
			rows.add(category.node().getCode() + " " + category.node().getTitle());
			var names = new ArrayList<String>();
			int x = 0;
			for (var cell : category.cells()) {
				var difference = cell.difference();
				cells.add(List.of(x, y, difference == null ? "-" : difference.doubleValue()));
				names.add(cell.article().getCode() + " " + cell.article().getTitle() + "：自评 "
						+ AssessmentComparison.text(cell.self()) + "，评估 "
						+ AssessmentComparison.text(cell.evaluator()));
				x++;
			}
			labels.add(names);
			y++;
		}
		var columns = new ArrayList<String>();
		for (int x = 1; x <= comparison.width(); x++) {
			columns.add(String.valueOf(x));
		}
		var data = new LinkedHashMap<String, Object>();
		data.put("rows", rows);
		data.put("columns", columns);
		data.put("cells", cells);
		data.put("labels", labels);
		return data;
	}

	/** The holder's totals by year: self, evaluator's, adopted. */
	private static Map<String, Object> trend(AssessmentComparison.Comparison comparison) {
		var data = new LinkedHashMap<String, Object>();
		data.put("years", comparison.years().stream().map(year -> String.valueOf(year.year())).toList());
		data.put("self", comparison.years().stream().map(year -> number(year.self())).toList());
		data.put("evaluator", comparison.years().stream().map(year -> number(year.evaluator())).toList());
		data.put("adopted", comparison.years().stream().map(year -> number(year.adopted())).toList());
		return data;
	}

	private static Object number(@Nullable BigDecimal value) {
		return value == null ? "-" : value.doubleValue();
	}

	@GetMapping("/assessment-overview")
	String overview(@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable Integer year, Model model) {
		model.addAttribute("overview", overviews.overview(region, year));
		return "assessment/output/overview";
	}

}
