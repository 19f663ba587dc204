package org.pomegranate.unit.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.unit.naming.Holder;
import org.pomegranate.unit.naming.Holders;
import org.pomegranate.unit.naming.NamingBatches;
import org.pomegranate.unit.naming.NamingBatches.BatchForm;
import org.pomegranate.unit.naming.NamingLevel;
import org.pomegranate.unit.naming.NamingQuery;
import org.pomegranate.unit.naming.NamingService;
import org.pomegranate.unit.network.UnitKind;
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

/**
 * 命名批次: the batch decisions of the user's region, and a new one in three steps: the decision
 * and the holders chosen on screen, the confirmation with the count and the list, the commit.
 */
@Controller
class BatchController {

	/** Where the holders of a new batch are chosen from. */
	enum Source {

		APPLICATIONS, UNITS, HOUSEHOLDS, REGIONS

	}

	private static final int CHOOSER_LIMIT = 500;

	private final NamingBatches batches;

	private final NamingService namings;

	private final Holders holders;

	private final RegionService regions;

	private final RegionScope scope;

	private final NamingPages pages;

	BatchController(NamingBatches batches, NamingService namings, Holders holders, RegionService regions,
			RegionScope scope, NamingPages pages) {
		this.batches = batches;
		this.namings = namings;
		this.holders = holders;
		this.regions = regions;
		this.scope = scope;
		this.pages = pages;
	}

	@GetMapping("/naming-batches")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		var found = batches.list(PageRequest.of(Paging.page(page), 20, Sort.by(Sort.Direction.DESC, "decidedOn", "id")));
		model.addAttribute("batches", found);
		model.addAttribute("regionNames", regions.names(found.map(b -> b.getIssuerRegionCode()).toSet()));
		model.addAttribute("may", namings.permissions());
		return "naming/batches";
	}

	@GetMapping("/naming-batches/{id}")
	String show(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
		var batch = batches.get(id);
		var query = new NamingQuery(null, null, null, null, batch.getId(), null, null);
		var found = namings.search(query, PageRequest.of(Paging.page(page), 50, Sort.by("id")));
		model.addAttribute("batch", batch);
		model.addAttribute("namings", found);
		model.addAttribute("regionNames", pages.regionNames(found.getContent()));
		model.addAttribute("issuerName", regions.names(List.of(batch.getIssuerRegionCode())).get(batch.getIssuerRegionCode()));
		model.addAttribute("today", namings.today());
		return "naming/batch";
	}

	@GetMapping("/naming-batches/new")
	String newBatch(@ModelAttribute("typed") BatchForm typed, BindingResult result,
			@RequestParam(defaultValue = "APPLICATIONS") Source source, @RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable UnitKind unitKind, Model model) {
		TamperedFormException.refuseUnreadable(result);
		// The decision typed so far stays while the chooser is filtered; a fresh form starts from today.
		var form = typed.title() == null ? BatchForm.empty(namings.today()) : typed;
		model.addAttribute("form", form);
		return formView(form, source, region, unitKind, model);
	}

	private String formView(BatchForm form, Source source, @Nullable String region, @Nullable UnitKind unitKind,
			Model model) {
		var within = region != null && scope.contains(region) ? region : scope.prefix();
		model.addAttribute("source", source);
		model.addAttribute("sources", Source.values());
		model.addAttribute("region", within);
		model.addAttribute("unitKind", unitKind);
		model.addAttribute("unitKinds", UnitKind.values());
		model.addAttribute("levels", NamingLevel.issuedBy(RegionCode.of(scope.prefix()).level()));
		model.addAttribute("candidates", candidates(source, within, unitKind, form.level()));
		return "naming/batch-form";
	}

	private List<Choice> candidates(Source source, String region, @Nullable UnitKind unitKind, @Nullable NamingLevel level) {
		return switch (source) {
			case APPLICATIONS -> batches.pendingApplications(level)
				.stream()
				.filter(n -> n.getHolderRegionCode().startsWith(region))
				.map(n -> new Choice("A:" + n.getId(), n.getHolderName() + " · " + n.getTitle(), n.getHolderRegionCode()))
				.toList();
			case UNITS -> Choice.of(holders.units(region, unitKind, null, CHOOSER_LIMIT));
			case HOUSEHOLDS -> region.length() >= RegionLevel.TOWNSHIP.codeLength()
					? Choice.of(holders.households(region, CHOOSER_LIMIT)) : List.of();
			case REGIONS -> regions.selectable(RegionLevel.TOWNSHIP)
				.stream()
				.filter(r -> r.getCode().startsWith(region) && !r.getCode().equals(scope.prefix()))
				.limit(CHOOSER_LIMIT)
				.map(r -> new Choice("R:" + r.getCode(), r.getName(), r.getCode()))
				.toList();
		};
	}

	/** A holder a chooser offers: the key it sends, the name it shows, where it lies. */
	record Choice(String key, String name, String regionCode) {

		static List<Choice> of(List<Holder> holders) {
			return holders.stream().map(h -> new Choice(h.key(), h.name(), h.regionCode())).toList();
		}

	}

	@PostMapping("/naming-batches/preview")
	String preview(@ModelAttribute("form") BatchForm form, BindingResult result, Model model,
			HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		try {
			model.addAttribute("preview", batches.preview(form));
			return "naming/batch-confirm";
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failureText", pages.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formView(form, Source.APPLICATIONS, null, null, model);
	}

	@PostMapping("/naming-batches")
	String commit(@ModelAttribute("form") BatchForm form, BindingResult result, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		try {
			var batch = batches.commit(form);
			redirect.addFlashAttribute("success", "naming.batch.done");
			return "redirect:/naming-batches/" + batch.getId();
		}
		catch (NamingBatches.BatchRefusedException ex) {
			model.addAttribute("preview", ex.preview());
			model.addAttribute("failureText", pages.refusal(ex));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "naming/batch-confirm";
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failureText", pages.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formView(form, Source.APPLICATIONS, null, null, model);
	}

}
