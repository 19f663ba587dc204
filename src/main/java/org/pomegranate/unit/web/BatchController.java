package org.pomegranate.unit.web;

import java.util.List;
import java.util.stream.Collectors;

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
		// A fresh form starts from today.
		var form = typed.title() == null ? BatchForm.empty(namings.today()) : typed;
		model.addAttribute("form", form);
		return formView(form, new Chooser(source, region, unitKind), model);
	}

	/**
	 * The chooser filtered again (or the form brought back from the confirmation): the decision
	 * typed so far and the holders chosen so far stay, those the new filter does not list included.
	 */
	@PostMapping("/naming-batches/new")
	String choose(@ModelAttribute("form") BatchForm form, BindingResult result, Chooser chooser, Model model) {
		TamperedFormException.refuseUnreadable(result);
		return formView(form, chooser, model);
	}

	private String formView(BatchForm form, Chooser chooser, Model model) {
		var region = chooser.region();
		var within = region != null && scope.contains(region) ? region : scope.prefix();
		var candidates = candidates(chooser.sourceOrDefault(), within, chooser.unitKind(), form.level());
		var listed = candidates.stream().map(Choice::key).collect(Collectors.toSet());
		model.addAttribute("source", chooser.sourceOrDefault());
		model.addAttribute("sources", Source.values());
		model.addAttribute("region", within);
		model.addAttribute("unitKind", chooser.unitKind());
		model.addAttribute("unitKinds", UnitKind.values());
		model.addAttribute("levels", NamingLevel.issuedBy(RegionCode.of(scope.prefix()).level()));
		model.addAttribute("candidates", candidates);
		model.addAttribute("chosenElsewhere", form.chosen().stream().filter(key -> !listed.contains(key)).toList());
		model.addAttribute("regionNames", regions.names(candidates.stream().map(Choice::where).collect(Collectors.toSet())));
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
			// A region lies in the one above it.
			case REGIONS -> regions.selectable(RegionLevel.TOWNSHIP)
				.stream()
				.filter(r -> r.getCode().startsWith(region) && !r.getCode().equals(scope.prefix()))
				.limit(CHOOSER_LIMIT)
				.map(r -> new Choice("R:" + r.getCode(), r.getName(),
						RegionCode.of(r.getCode()).parent().map(RegionCode::toString).orElse(r.getCode())))
				.toList();
		};
	}

	/** Where the chooser was when the form was sent: its source and filters, kept through every step of the batch. */
	record Chooser(@Nullable Source source, @Nullable String region, @Nullable UnitKind unitKind) {

		public Source sourceOrDefault() {
			return source == null ? Source.APPLICATIONS : source;
		}

	}

	/** A holder a chooser offers: the key it sends, the name it shows, the region it is shown in. */
	record Choice(String key, String name, String where) {

		static List<Choice> of(List<Holder> holders) {
			return holders.stream().map(h -> new Choice(h.key(), h.name(), h.regionCode())).toList();
		}

	}

	@PostMapping("/naming-batches/preview")
	String preview(@ModelAttribute("form") BatchForm form, BindingResult result, Chooser chooser, Model model,
			HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		try {
			return confirmView(batches.preview(form), chooser, model);
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failureText", pages.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formView(form, chooser, model);
	}

	@PostMapping("/naming-batches")
	String commit(@ModelAttribute("form") BatchForm form, BindingResult result, Chooser chooser, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		try {
			var batch = batches.commit(form);
			redirect.addFlashAttribute("success", "naming.batch.done");
			return "redirect:/naming-batches/" + batch.getId();
		}
		catch (NamingBatches.BatchRefusedException ex) {
			model.addAttribute("failureText", pages.refusal(ex));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return confirmView(ex.preview(), chooser, model);
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failureText", pages.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formView(form, chooser, model);
	}

	private String confirmView(NamingBatches.Preview preview, Chooser chooser, Model model) {
		model.addAttribute("preview", preview);
		model.addAttribute("chooser", chooser);
		model.addAttribute("regionNames",
				regions.names(preview.candidates().stream().map(NamingBatches.Candidate::regionCode).collect(Collectors.toSet())));
		return "naming/batch-confirm";
	}

}
