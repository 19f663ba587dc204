package org.pomegranate.petition.web;

import org.pomegranate.petition.settings.CategoryForm;
import org.pomegranate.petition.settings.DepartmentForm;
import org.pomegranate.petition.settings.PetitionDepartment;
import org.pomegranate.petition.settings.CategoriesAndDepartments;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.TamperedFormException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' pages of the ledger: categories with their time limits, and responsible departments.
 * Each row is its own small form; a refused one comes back with the reason in a flash message.
 */
@Controller
class CategoriesAndDepartmentsController {

	private final CategoriesAndDepartments settings;

	private final RegionService regions;

	CategoriesAndDepartmentsController(CategoriesAndDepartments settings, RegionService regions) {
		this.settings = settings;
		this.regions = regions;
	}

	@GetMapping("/petition-categories")
	String categories(Model model) {
		model.addAttribute("categories", settings.categories());
		model.addAttribute("keeper", settings.keepsCategories());
		return "petition/categories";
	}

	@PostMapping("/petition-categories")
	String saveCategory(@ModelAttribute CategoryForm form, BindingResult result, RedirectAttributes redirect) {
		TamperedFormException.refuseUnreadable(result);
		return saved(() -> settings.saveCategory(form), "category.saved", redirect, "redirect:/petition-categories");
	}

	@GetMapping("/petition-departments")
	String departments(Model model) {
		var departments = settings.departments();
		model.addAttribute("departments", departments);
		model.addAttribute("regionNames", regions.names(departments.stream().map(PetitionDepartment::getRegionCode).toList()));
		return "petition/departments";
	}

	@PostMapping("/petition-departments")
	String createDepartment(@ModelAttribute DepartmentForm form, BindingResult result, RedirectAttributes redirect) {
		TamperedFormException.refuseUnreadable(result);
		return saved(() -> settings.createDepartment(form), "department.saved", redirect, "redirect:/petition-departments");
	}

	@PostMapping("/petition-departments/{id}")
	String updateDepartment(@PathVariable long id, @ModelAttribute DepartmentForm form, BindingResult result,
			RedirectAttributes redirect) {
		TamperedFormException.refuseUnreadable(result);
		settings.department(id);
		return saved(() -> settings.updateDepartment(id, form), "department.saved", redirect,
				"redirect:/petition-departments");
	}

	private static String saved(Runnable save, String successKey, RedirectAttributes redirect, String view) {
		try {
			save.run();
			redirect.addFlashAttribute("success", successKey);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("failure", ex.problems().values().iterator().next());
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("failure", "error.staleEdit");
		}
		return view;
	}

}
