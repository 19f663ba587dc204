package org.pomegranate.unit.web;

import jakarta.servlet.http.HttpServletResponse;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.unit.naming.NamingForms.DrawForm;
import org.pomegranate.unit.naming.NamingService;
import org.pomegranate.unit.naming.RecheckService;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 回访抽查: the draws of the user's region, a new draw, and a draw's page with its 复算. */
@Controller
class DrawController {

	private final RecheckService rechecks;

	private final NamingService namings;

	private final RegionService regions;

	private final RegionScope scope;

	private final NamingPages pages;

	DrawController(RecheckService rechecks, NamingService namings, RegionService regions, RegionScope scope,
			NamingPages pages) {
		this.rechecks = rechecks;
		this.namings = namings;
		this.regions = regions;
		this.scope = scope;
		this.pages = pages;
	}

	@GetMapping("/naming-draws")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		var draws = rechecks.draws(PageRequest.of(Paging.page(page), 20, Sort.by(Sort.Direction.DESC, "id")));
		model.addAttribute("draws", draws);
		model.addAttribute("regionNames", regions.names(draws.map(d -> d.getIssuerRegionCode()).toSet()));
		model.addAttribute("mayDraw", rechecks.mayDrawIn(scope.prefix()));
		return "naming/draws";
	}

	@GetMapping("/naming-draws/new")
	String newDraw(Model model) {
		model.addAttribute("form", new DrawForm(null, scope.prefix(), 10, namings.today().plusDays(30).toString()));
		return formView(model);
	}

	private String formView(Model model) {
		model.addAttribute("issuerName", regions.names(java.util.List.of(scope.prefix())).get(scope.prefix()));
		model.addAttribute("mayDraw", rechecks.mayDrawIn(scope.prefix()));
		return "naming/draw-form";
	}

	@PostMapping("/naming-draws")
	String draw(@ModelAttribute("form") DrawForm form, BindingResult result, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		try {
			var draw = rechecks.drawNow(form);
			redirect.addFlashAttribute("success", "naming.draw.done");
			return "redirect:/naming-draws/" + draw.getId();
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failureText", pages.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formView(model);
	}

	@GetMapping("/naming-draws/{id}")
	String show(@PathVariable long id, @RequestParam(defaultValue = "false") boolean recompute, Model model) {
		var draw = rechecks.draw(id);
		var drawn = rechecks.drawnTitles(draw);
		model.addAttribute("draw", draw);
		model.addAttribute("drawn", drawn);
		model.addAttribute("regionNames", pages.regionNames(drawn.stream().map(RecheckService.DrawnTitle::naming).toList()));
		model.addAttribute("issuerName", regions.names(java.util.List.of(draw.getIssuerRegionCode())).get(draw.getIssuerRegionCode()));
		if (recompute) {
			model.addAttribute("recomputation", rechecks.recompute(draw));
		}
		model.addAttribute("today", namings.today());
		return "naming/draw";
	}

}
