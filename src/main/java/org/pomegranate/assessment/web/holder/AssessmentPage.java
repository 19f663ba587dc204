package org.pomegranate.assessment.web.holder;

import org.pomegranate.assessment.evidence.EvidenceLibrary;
import org.pomegranate.assessment.workflow.AssessmentSheets;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The self-assessment page, shared by the requests that show it again after a refused step. */
@Component
class AssessmentPage {

	private final AssessmentSheets sheets;

	private final EvidenceLibrary evidence;

	AssessmentPage(AssessmentSheets sheets, EvidenceLibrary evidence) {
		this.sheets = sheets;
		this.evidence = evidence;
	}

	String show(long id, Model model) {
		var sheet = sheets.sheet(id);
		var assessment = sheet.assessment();
		model.addAttribute("sheet", sheet);
		model.addAttribute("assessment", assessment);
		if (sheet.may().edit()) {
			model.addAttribute("library", evidence.ofHolder(assessment.getHolderKind(), assessment.getHolderRegionCode(),
					assessment.getUnitId()));
		}
		return "assessment/holder/show";
	}

}
