package org.pomegranate.unit.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.files.Upload;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.unit.naming.NamingLabels;
import org.pomegranate.unit.naming.NamingMaterials;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The files of an application (申报材料), uploaded on the title's page while it is 申报中. */
@Controller
class NamingMaterialController {

	private final NamingMaterials materials;

	private final NamingLabels labels;

	NamingMaterialController(NamingMaterials materials, NamingLabels labels) {
		this.materials = materials;
		this.labels = labels;
	}

	@PostMapping("/namings/{id}/materials")
	String add(@PathVariable long id, @RequestParam(required = false) @Nullable String submission,
			@RequestParam(name = "materials", required = false) @Nullable List<MultipartFile> files,
			RedirectAttributes redirect) {
		try {
			materials.add(id, SubmissionTokens.parse(submission), Upload.of(files));
			redirect.addFlashAttribute("success", "naming.materials.added");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("failureText", labels.text(ex.firstProblem()));
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		return "redirect:/namings/" + id + "#materials";
	}

}
