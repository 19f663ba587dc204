package org.pomegranate.region.web;

import java.util.UUID;

import org.pomegranate.region.RegionService;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.SearchText;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Browse the division tree of one's own subtree, search it, and (admins) add, rename and retire
 * townships and villages.
 */
@Controller
@RequestMapping("/regions")
class RegionController {

	private static final int PAGE_SIZE = 30;

	private final RegionService regions;

	private final RegionScope scope;

	RegionController(RegionService regions, RegionScope scope) {
		this.regions = regions;
		this.scope = scope;
	}

	/** The region search also takes the start of any code under the user's region. */
	@ModelAttribute("regionSearchPattern")
	String regionSearchPattern() {
		return SearchText.patternAllowing(regions.searchableCodes());
	}

	@GetMapping
	String root() {
		return "redirect:/regions/" + scope.prefix();
	}

	@GetMapping("/search")
	String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("q", q);
		model.addAttribute("results", regions.search(q, PageRequest.of(Paging.page(page), PAGE_SIZE, Sort.by("code"))));
		return "region/search";
	}

	@GetMapping("/{code}")
	String show(@PathVariable String code, Model model) {
		var region = regions.get(code);
		model.addAttribute("region", region);
		model.addAttribute("path", regions.path(code));
		model.addAttribute("children", regions.children(code));
		model.addAttribute("childLevel", region.getLevel().child());
		model.addAttribute("managed", region.getLevel().isLocallyManaged() && !code.equals(scope.prefix()));
		model.addAttribute("may", regions.permissions());
		return "region/show";
	}

	@PostMapping("/{code}/children")
	String addChild(@PathVariable String code, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) @Nullable UUID submission, RedirectAttributes redirect) {
		try {
			var child = regions.addChild(code, name, submission);
			redirect.addFlashAttribute("success", "region.added");
			redirect.addFlashAttribute("highlight", child.getCode());
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
			redirect.addFlashAttribute("childName", name);
		}
		return "redirect:/regions/" + code;
	}

	@PostMapping("/{code}/rename")
	String rename(@PathVariable String code, @RequestParam(defaultValue = "") String name, @RequestParam long version,
			RedirectAttributes redirect) {
		return change(code, () -> regions.rename(code, name, version), "region.renamed", redirect, name);
	}

	@PostMapping("/{code}/retire")
	String retire(@PathVariable String code, @RequestParam long version, RedirectAttributes redirect) {
		return change(code, () -> regions.retire(code, version), "region.retireDone", redirect, null);
	}

	@PostMapping("/{code}/reinstate")
	String reinstate(@PathVariable String code, @RequestParam long version, RedirectAttributes redirect) {
		return change(code, () -> regions.reinstate(code, version), "region.reinstated", redirect, null);
	}

	private String change(String code, Runnable action, String successKey, RedirectAttributes redirect,
			@Nullable String typedName) {
		try {
			action.run();
			redirect.addFlashAttribute("success", successKey);
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
			redirect.addFlashAttribute("typedName", typedName);
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("failure", "error.staleEdit");
			redirect.addFlashAttribute("typedName", typedName);
		}
		return "redirect:/regions/" + code;
	}

}
