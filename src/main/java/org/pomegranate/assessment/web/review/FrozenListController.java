package org.pomegranate.assessment.web.review;

import org.pomegranate.assessment.workflow.FrozenLists;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 提交时的名单: the records behind an article's frozen figure, masked, 50 a page, from the
 * reviewer's evaluation page and from the holder's page. Both ask {@link FrozenLists}, which
 * answers 404 to anyone who may not see the assessment (and for an article without a frozen list).
 */
@Controller
class FrozenListController {

	private final FrozenLists lists;

	FrozenListController(FrozenLists lists) {
		this.lists = lists;
	}

	@GetMapping("/reviews/{assessmentId}/nodes/{articleId}/records")
	String forReviewer(@PathVariable long assessmentId, @PathVariable long articleId,
			@RequestParam(defaultValue = "0") int page, Model model) {
		return show(assessmentId, articleId, page, "/reviews/" + assessmentId, model);
	}

	@GetMapping("/assessments/{assessmentId}/nodes/{articleId}/records")
	String forHolder(@PathVariable long assessmentId, @PathVariable long articleId,
			@RequestParam(defaultValue = "0") int page, Model model) {
		return show(assessmentId, articleId, page, "/assessments/" + assessmentId, model);
	}

	private String show(long assessmentId, long articleId, int page, String back, Model model) {
		model.addAttribute("list", lists.list(assessmentId, articleId, page));
		model.addAttribute("back", back);
		return "assessment/review/records";
	}

}
