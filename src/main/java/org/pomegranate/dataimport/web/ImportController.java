package org.pomegranate.dataimport.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.dataimport.engine.ImportBatch.ImportMode;
import org.pomegranate.dataimport.engine.DryRunGoneException;
import org.pomegranate.dataimport.engine.ImportRefusedException;
import org.pomegranate.dataimport.engine.ImportService;
import org.pomegranate.files.Upload;
import org.pomegranate.shared.BusinessRuleException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Maps the import pages to {@link ImportService}; every rule lives there. */
@Controller
class ImportController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final ImportService imports;

	private final MessageSource messages;

	ImportController(ImportService imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping("/imports")
	String history(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("kinds", imports.kinds());
		model.addAttribute("batches", imports.history(PageRequest.of(Math.max(0, page), 20)));
		return "dataimport/imports";
	}

	@GetMapping("/imports/template")
	void template(@RequestParam String kind, HttpServletResponse response) throws IOException {
		var label = messages.getMessage(imports.kind(kind).labelKey(), null, LocaleContextHolder.getLocale());
		attachment(response, label + "导入模板.xlsx");
		imports.template(kind, response.getOutputStream());
	}

	@PostMapping("/imports/upload")
	String upload(@RequestParam String kind, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		imports.kind(kind);
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error", text("import.error.noFile"));
			return "redirect:/imports";
		}
		try {
			var dryRun = imports.upload(kind, Upload.of(file));
			return imports.mapped(dryRun) ? "redirect:/imports/draft" : "redirect:/imports/draft/mapping";
		}
		catch (ImportRefusedException ex) {
			redirect.addFlashAttribute("error", messages.getMessage(ex.messageKey(), ex.arguments(), LocaleContextHolder.getLocale()));
			return "redirect:/imports";
		}
	}

	@GetMapping("/imports/draft")
	String dryRun(Model model) {
		var dryRun = imports.dryRun();
		model.addAttribute("dryRun", dryRun);
		model.addAttribute("kind", imports.kind(dryRun.kind()));
		model.addAttribute("mapped", imports.mapped(dryRun));
		return "dataimport/dry-run";
	}

	@GetMapping("/imports/draft/mapping")
	String mapping(Model model) {
		var dryRun = imports.dryRun();
		model.addAttribute("dryRun", dryRun);
		model.addAttribute("kind", imports.kind(dryRun.kind()));
		return "dataimport/mapping";
	}

	@PostMapping("/imports/draft/mapping")
	String remap(@RequestParam Map<String, String> parameters) {
		var kind = imports.kind(imports.dryRun().kind());
		var chosen = new LinkedHashMap<String, Integer>();
		for (var column : kind.columns()) {
			var value = parameters.get("column." + column.field());
			if (value != null && value.matches("-?\\d{1,4}")) {
				chosen.put(column.field(), Integer.valueOf(value));
			}
		}
		imports.remap(chosen);
		return "redirect:/imports/draft";
	}

	@GetMapping("/imports/draft/returned")
	void returned(HttpServletResponse response) throws IOException {
		var dryRun = imports.dryRun();
		var name = dryRun.fileName().replaceAll("\\.[^.]*$", "");
		attachment(response, name + "-错误说明.xlsx");
		imports.returnedWorkbook(response.getOutputStream());
	}

	@PostMapping("/imports/draft/commit")
	String commit(@RequestParam(required = false) @Nullable UUID draft, @RequestParam(defaultValue = "VALID_ROWS") String mode,
			RedirectAttributes redirect) throws IOException {
		var chosen = "ALL_OR_NOTHING".equals(mode) ? ImportMode.ALL_OR_NOTHING : ImportMode.VALID_ROWS;
		if (draft == null) {
			throw new DryRunGoneException();
		}
		try {
			var batch = imports.commit(draft, chosen);
			return "redirect:/imports/" + batch.getId();
		}
		catch (DryRunGoneException ex) {
			throw ex;
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("error", messages.getMessage(ex.messageKey(), ex.arguments(), LocaleContextHolder.getLocale()));
			return "redirect:/imports/draft";
		}
	}

	@GetMapping("/imports/{id}")
	String batch(@PathVariable long id, Model model) {
		var batch = imports.batch(id);
		model.addAttribute("batch", batch);
		model.addAttribute("kindLabel", imports.kind(batch.getKind()).labelKey());
		model.addAttribute("undoBlockers", batch.isUndoable()
				? imports.undoBlockers(id) : java.util.List.of());
		model.addAttribute("now", java.time.Instant.now());
		return "dataimport/batch";
	}

	@GetMapping("/imports/{id}/progress")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("batch", imports.batch(id));
		model.addAttribute("now", java.time.Instant.now());
		return "dataimport/batch :: progress";
	}

	@PostMapping("/imports/{id}/undo")
	String undo(@PathVariable long id, RedirectAttributes redirect) {
		try {
			imports.undo(id);
			redirect.addFlashAttribute("message", text("import.undone"));
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("error", messages.getMessage(ex.messageKey(), ex.arguments(), LocaleContextHolder.getLocale()));
		}
		return "redirect:/imports/" + id;
	}

	/** A dry run no longer waiting sends the user back to upload, with the reason. */
	@ExceptionHandler(DryRunGoneException.class)
	String gone(DryRunGoneException ex, RedirectAttributes redirect) {
		redirect.addFlashAttribute("error", text(ex.messageKey()));
		return "redirect:/imports";
	}

	private String text(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

	private static void attachment(HttpServletResponse response, String name) {
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition",
				"attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
	}

}
