package org.pomegranate.assessment.web.evidence;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.evidence.EvidenceForms.EvidenceForm;
import org.pomegranate.assessment.evidence.EvidenceForms.EvidenceQuery;
import org.pomegranate.assessment.evidence.EvidenceReading;
import org.pomegranate.assessment.evidence.EvidenceService;
import org.pomegranate.assessment.framework.EvidenceKind;
import org.pomegranate.files.Upload;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.shared.TamperedFormException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 佐证材料库: the pieces of the user's region with where each is used, making one with its files
 * (from the library or from an article of a self-assessment, which it then backs), a piece's page
 * with its files and their hashes, correcting it and adding files.
 */
@Controller
class EvidenceController {

	static final int PAGE_SIZE = 20;

	private final EvidenceService evidence;

	private final EvidenceReading reading;

	private final EvidenceLabels labels;

	EvidenceController(EvidenceService evidence, EvidenceReading reading, EvidenceLabels labels) {
		this.evidence = evidence;
		this.reading = reading;
		this.labels = labels;
	}

	@GetMapping("/evidence")
	String list(@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable EvidenceKind kind, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var query = new EvidenceQuery(region, kind, q);
		var library = reading.list(query, PageRequest.of(Paging.page(page), PAGE_SIZE));
		model.addAttribute("library", library);
		model.addAttribute("rows", library.rows());
		model.addAttribute("query", query);
		model.addAttribute("kinds", EvidenceKind.values());
		model.addAttribute("regionOptions", evidence.holderOptions().stream().filter(option -> option.key().startsWith("R:")).toList());
		model.addAttribute("mayWrite", evidence.mayWrite());
		return "assessment/evidence/list";
	}

	/** 新建; opened from an article of a self-assessment ({@code assessment}, {@code node}), the piece is made for it. */
	@GetMapping("/evidence/new")
	String newPiece(@RequestParam(required = false) @Nullable Long assessment, @RequestParam(required = false) @Nullable Long node,
			Model model) {
		boolean forArticle = assessment != null && node != null;
		var holder = forArticle ? evidence.holderOf(assessment) : null;
		model.addAttribute("form", EvidenceForm.empty(evidence.today(), holder, forArticle ? assessment : null,
				forArticle ? node : null));
		return newView(model);
	}

	private String newView(Model model) {
		model.addAttribute("holderOptions", evidence.holderOptions());
		model.addAttribute("kinds", EvidenceKind.values());
		model.addAttribute("mayWrite", evidence.mayWrite());
		return "assessment/evidence/new";
	}

	@PostMapping("/evidence")
	String create(@ModelAttribute("form") EvidenceForm form, BindingResult result,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		try {
			var piece = evidence.create(form, Upload.of(files));
			if (form.assessmentId() != null && form.nodeId() != null) {
				redirect.addFlashAttribute("success", "evidence.createdAndLinked");
				return "redirect:/assessments/" + form.assessmentId() + "#node-" + form.nodeId();
			}
			redirect.addFlashAttribute("success", "evidence.created");
			return "redirect:/evidence/" + piece.getId();
		}
		catch (InvalidInputException ex) {
			ex.addTo(result, "files");
			model.addAttribute("failure", "evidence.invalid");
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			model.addAttribute("failureText", labels.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return newView(model);
	}

	@GetMapping("/evidence/{id}")
	String show(@PathVariable long id, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", reading.editForm(id));
		}
		return showView(id, model);
	}

	private String showView(long id, Model model) {
		model.addAttribute("row", reading.show(id));
		model.addAttribute("kinds", EvidenceKind.values());
		model.addAttribute("mayWrite", evidence.mayWrite());
		model.addAttribute("mayBrowse", reading.mayBrowse());
		model.addAttribute("submissionToken", SubmissionTokens.fresh());
		return "assessment/evidence/show";
	}

	/** 修改; a refused edit comes back with what was typed. */
	@PostMapping("/evidence/{id}")
	String edit(@PathVariable long id, @ModelAttribute("form") EvidenceForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		reading.show(id);
		TamperedFormException.refuseUnreadable(result);
		try {
			evidence.edit(id, form);
			redirect.addFlashAttribute("success", "evidence.saved");
			return "redirect:/evidence/" + id;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			model.addAttribute("failure", "evidence.invalid");
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			model.addAttribute("failureText", labels.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return showView(id, model);
	}

	/** 添加文件: refused files are named in the alert; nothing of the batch is kept then. */
	@PostMapping("/evidence/{id}/files")
	String addFiles(@PathVariable long id, @RequestParam(required = false) @Nullable String submission,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		reading.show(id);
		try {
			evidence.addFiles(id, SubmissionTokens.parse(submission), Upload.of(files));
			redirect.addFlashAttribute("success", "evidence.files.added");
			return "redirect:/evidence/" + id + "#files";
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			model.addAttribute("failureText", labels.refusal(ex));
		}
		model.addAttribute("form", reading.editForm(id));
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return showView(id, model);
	}

	/** 移除文件: the file leaves the piece (the submissions that froze it keep it). */
	@PostMapping("/evidence/{id}/files/{fileId}/remove")
	String removeFile(@PathVariable long id, @PathVariable long fileId, RedirectAttributes redirect) {
		evidence.removeFile(id, fileId);
		redirect.addFlashAttribute("success", "evidence.files.removed");
		return "redirect:/evidence/" + id + "#files";
	}

}
