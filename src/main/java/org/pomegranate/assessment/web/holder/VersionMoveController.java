package org.pomegranate.assessment.web.holder;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.workflow.AssessmentSheets;
import org.pomegranate.assessment.workflow.VersionMoves;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.StaleEdits;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 迁移到新版本: the mapping of a draft's articles to a newer version, previewed (GET, as often as the
 * user changes it) and then applied (POST) with exactly the mapping the preview showed. The form's
 * fields are {@code node-<old node id>} = the new node's id, blank for none.
 */
@Controller
class VersionMoveController {

	private static final String NODE = "node-";

	private final VersionMoves moves;

	private final AssessmentSheets sheets;

	private final AssessmentLabels labels;

	VersionMoveController(VersionMoves moves, AssessmentSheets sheets, AssessmentLabels labels) {
		this.moves = moves;
		this.sheets = sheets;
		this.labels = labels;
	}

	@GetMapping("/assessments/{id}/move")
	String preview(@PathVariable long id, @RequestParam(required = false) @Nullable Long target,
			@RequestParam Map<String, String> fields, Model model, HttpServletResponse response) {
		var assessment = sheets.sheet(id).assessment();
		model.addAttribute("assessment", assessment);
		var targets = moves.targets(id);
		model.addAttribute("targets", targets);
		if (targets.isEmpty()) {
			return "assessment/holder/move";
		}
		long chosen = target != null ? target : targets.get(0).getId();
		try {
			model.addAttribute("plan", moves.plan(id, chosen, mapping(fields)));
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failureText", labels.refusal(ex));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return "assessment/holder/move";
	}

	@PostMapping("/assessments/{id}/move")
	String apply(@PathVariable long id, @RequestParam(required = false) @Nullable Long target,
			@RequestParam(required = false) @Nullable Long version, @RequestParam Map<String, String> fields, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		sheets.sheet(id);
		try {
			if (target == null) {
				throw new BusinessRuleException("assessment.move.target.invalid");
			}
			moves.apply(id, target, mapping(fields), StaleEdits.versionOf(version));
			redirect.addFlashAttribute("success", "assessment.move.done");
			return "redirect:/assessments/" + id;
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			var shown = preview(id, target, fields, model, response);
			model.addAttribute("failureText", labels.refusal(ex));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return shown;
		}
	}

	/** The user's choices: old node id → new node id, null for "none"; a field that is no number is a refusal. */
	private static Map<Long, @Nullable Long> mapping(Map<String, String> fields) {
		var mapping = new LinkedHashMap<Long, @Nullable Long>();
		fields.forEach((name, value) -> {
			if (!name.startsWith(NODE)) {
				return;
			}
			var from = FormText.wholeNumber(name.substring(NODE.length()));
			var clean = FormText.clean(value);
			var to = clean == null || clean.isBlank() ? null : FormText.wholeNumber(clean);
			if (from == null || (clean != null && !clean.isBlank() && to == null)) {
				throw new BusinessRuleException("assessment.move.notANode");
			}
			mapping.put(from.longValue(), to == null ? null : to.longValue());
		});
		return mapping;
	}

}
