package org.pomegranate.assessment.web.framework;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.FrameworkForms.NewFrameworkForm;
import org.pomegranate.assessment.framework.FrameworkService;
import org.pomegranate.assessment.framework.FrameworkSpreadsheets;
import org.pomegranate.assessment.framework.RowsRefusedException;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.Downloads;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.SubmissionTokens;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A version as .xlsx (指标 and 设置), and an .xlsx read into a new draft or into a draft's nodes.
 * A refused file comes back (422) with every problem, each with its sheet and row; nothing was written.
 */
@Controller
class FrameworkFileController {

	private final FrameworkService frameworks;

	private final FrameworkSpreadsheets spreadsheets;

	private final FrameworkPage page;

	FrameworkFileController(FrameworkService frameworks, FrameworkSpreadsheets spreadsheets, FrameworkPage page) {
		this.frameworks = frameworks;
		this.spreadsheets = spreadsheets;
		this.page = page;
	}

	@GetMapping("/frameworks/{id}/export")
	void export(@PathVariable long id, HttpServletResponse response) throws IOException {
		var framework = frameworks.get(id);
		var bytes = spreadsheets.export(id);
		try (var out = Downloads.body(response, Downloads.XLSX,
				framework.getName() + "（第" + framework.getVersionNumber() + "版）.xlsx")) {
			out.write(bytes);
		}
	}

	@PostMapping("/frameworks/import")
	String importNew(@RequestParam(required = false) @Nullable String submission,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		try {
			var framework = spreadsheets.importNew(SubmissionTokens.parse(submission), name(file), content(file));
			redirect.addFlashAttribute("success", "framework.imported");
			return "redirect:/frameworks/" + framework.getId();
		}
		catch (RowsRefusedException ex) {
			model.addAttribute("importProblems", page.problems(ex));
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failureText", page.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("form", NewFrameworkForm.empty());
		return page.newFramework(model);
	}

	@PostMapping("/frameworks/{id}/import")
	String importInto(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		frameworks.get(id);
		try {
			spreadsheets.importInto(id, StaleEdits.versionOf(version), name(file), content(file));
			redirect.addFlashAttribute("success", "framework.imported");
			return "redirect:/frameworks/" + id;
		}
		catch (RowsRefusedException ex) {
			model.addAttribute("importProblems", page.problems(ex));
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			model.addAttribute("failureText", page.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page.show(id, model);
	}

	private static @Nullable String name(@Nullable MultipartFile file) {
		return file == null ? null : file.getOriginalFilename();
	}

	/** The file as it arrived; nothing for a form sent without one. */
	private static InputStream content(@Nullable MultipartFile file) throws IOException {
		return file == null || file.isEmpty() ? InputStream.nullInputStream() : file.getInputStream();
	}

}
