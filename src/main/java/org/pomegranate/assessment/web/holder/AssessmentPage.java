package org.pomegranate.assessment.web.holder;

import org.pomegranate.assessment.evidence.EvidenceLibrary;
import org.pomegranate.assessment.workflow.AssessmentSheets;
import org.pomegranate.assessment.workflow.VersionMoves;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The self-assessment page, shared by the requests that show it again after a refused step. */
@Component
class AssessmentPage {

	private final AssessmentSheets sheets;

	private final EvidenceLibrary evidence;

	private final VersionMoves moves;

	AssessmentPage(AssessmentSheets sheets, EvidenceLibrary evidence, VersionMoves moves) {
		this.sheets = sheets;
		this.evidence = evidence;
		this.moves = moves;
	}

	String show(long id, Model model) {
		var sheet = sheets.sheet(id);
		var assessment = sheet.assessment();
		model.addAttribute("sheet", sheet);
		model.addAttribute("assessment", assessment);
		model.addAttribute("newerVersion", sheet.may().moveVersion() && !moves.targets(id).isEmpty());
		if (sheet.may().edit()) {
			model.addAttribute("library", evidence.ofHolder(assessment.getHolderKind(), assessment.getHolderRegionCode(),
					assessment.getUnitId()));
		}
		return "assessment/holder/show";
	}

}
