package org.pomegranate.supervision.notice.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.figures.Period;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.supervision.inspection.TargetPicker;
import org.pomegranate.supervision.notice.Notice;
import org.pomegranate.supervision.notice.NoticeAction;
import org.pomegranate.supervision.notice.NoticeDrafts;
import org.pomegranate.supervision.notice.NoticeForms.NoticeForm;
import org.pomegranate.supervision.notice.NoticeForms.RetractForm;
import org.pomegranate.supervision.notice.NoticeForms.StepForm;
import org.pomegranate.supervision.notice.NoticeKind;
import org.pomegranate.supervision.notice.NoticeQuery;
import org.pomegranate.supervision.notice.NoticeState;
import org.pomegranate.supervision.notice.Notices;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * The notices: the list, a draft (proposed from a figure of the ranking when one is chosen), the
 * notice page with the rectifications a criticism ordered, editing, and the steps 审核, 印发, 撤回.
 */
@Controller
class NoticeController {

	static final int PAGE_SIZE = 20;

	private final Notices notices;

	private final NoticeDrafts drafts;

	private final TargetPicker picker;

	private final RegionService regions;

	private final Clock clock;

	NoticeController(Notices notices, NoticeDrafts drafts, TargetPicker picker, RegionService regions, Clock clock) {
		this.notices = notices;
		this.picker = picker;
		this.drafts = drafts;
		this.regions = regions;
		this.clock = clock;
	}

	@GetMapping("/notices")
	String list(@ModelAttribute("query") NoticeQuery query, @RequestParam(defaultValue = "0") int page, Model model) {
		var found = notices.search(query, PageRequest.of(Paging.page(page), PAGE_SIZE,
				Sort.by(Sort.Direction.DESC, "issuedOn", "id")));
		model.addAttribute("notices", found);
		model.addAttribute("regionNames", regions.names(found.map(Notice::getRegionCode).toSet()));
		model.addAttribute("kinds", NoticeKind.values());
		model.addAttribute("states", NoticeState.values());
		model.addAttribute("mayDraft", notices.mayDraft());
		return "supervision/notice/notices";
	}

	/**
	 * A new draft; with a figure chosen, the targets and text the figures propose (the ranking's
	 * weakest for a criticism) over the period (this month by default).
	 */
	@GetMapping("/notices/new")
	String newNotice(@RequestParam(defaultValue = "CRITICISM") NoticeKind kind,
			@RequestParam(required = false) @Nullable String figure, @RequestParam(required = false) @Nullable String period,
			Model model, HttpServletResponse response) {
		var today = ChinaTime.today(clock);
		var chosen = period == null || period.isBlank() ? Period.month(YearMonth.from(today)) : Period.parse(period);
		var form = NoticeForm.empty(kind, today);
		if (figure != null && !figure.isBlank()) {
			try {
				var proposal = drafts.propose(kind, figure, chosen);
				model.addAttribute("proposal", proposal);
				form = new NoticeForm(null, kind, "", today.toString(), proposal.title(), proposal.body(), figure,
						form.rectifyBy(), proposal.targetCodes(), List.of(), List.of(), null);
			}
			catch (BusinessRuleException ex) {
				model.addAttribute("failure", ex.messageKey());
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			}
		}
		model.addAttribute("form", form);
		model.addAttribute("figure", figure);
		return formView(model, chosen);
	}

	@PostMapping("/notices")
	String draft(@ModelAttribute("form") NoticeForm form, BindingResult result, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		try {
			var notice = notices.draft(form);
			redirect.addFlashAttribute("success", "notice.drafted");
			return "redirect:/notices/" + notice.getId();
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		catch (BusinessRuleException ex) {
			result.reject(ex.messageKey());
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formView(model, Period.month(YearMonth.from(ChinaTime.today(clock))));
	}

	private String formView(Model model, Period period) {
		model.addAttribute("period", period);
		pickers(model);
		model.addAttribute("kinds", NoticeKind.values());
		model.addAttribute("figureKeys", drafts.offeredKeys(period));
		return "supervision/notice/form";
	}

	/**
	 * The target pickers of the form in the model: the regions below, the units offered, and for a
	 * praise the live titles of each, which its 授牌 selects offer.
	 */
	private void pickers(Model model) {
		var form = (NoticeForm) Objects.requireNonNull(model.getAttribute("form"));
		var groups = picker.regionGroups();
		var units = picker.units(null, form.pickedUnits());
		model.addAttribute("regionGroups", groups);
		model.addAttribute("units", units);
		model.addAttribute("picked", form.pickedUnits());
		if (form.linksTitles()) {
			var codes = new ArrayList<String>();
			groups.forEach(g -> {
				codes.add(g.code());
				g.below().forEach(r -> codes.add(r.code()));
			});
			model.addAttribute("titles", picker.titlesOf(codes, units.stream().map(TargetPicker.UnitOption::id).toList()));
		}
	}

	@GetMapping("/notices/{id}")
	String show(@PathVariable long id, Model model) {
		return page(notices.get(id), model);
	}

	@GetMapping("/notices/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		var notice = notices.get(id);
		model.addAttribute("notice", notice);
		model.addAttribute("form", NoticeForm.of(notice));
		pickers(model);
		return "supervision/notice/edit";
	}

	@PostMapping("/notices/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") NoticeForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		try {
			notices.edit(id, form);
			redirect.addFlashAttribute("success", "notice.saved");
			return "redirect:/notices/" + id;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		catch (BusinessRuleException ex) {
			result.reject(ex.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		catch (OptimisticLockingFailureException ex) {
			result.reject("notice.error.stale");
			response.setStatus(HttpStatus.CONFLICT.value());
		}
		model.addAttribute("notice", notices.get(id));
		pickers(model);
		return "supervision/notice/edit";
	}

	@PostMapping({ "/notices/{id}/approve", "/notices/{id}/publish" })
	String step(@PathVariable long id, @ModelAttribute StepForm form, Model model, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
		var path = String.valueOf(request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
		var action = NoticeAction.ofPath(path.substring(path.lastIndexOf('/') + 1));
		return act(id, action, model, redirect, response, () -> {
			long version = StaleEdits.versionOf(form.version());
			if (action == NoticeAction.APPROVE) {
				notices.approve(id, version);
			}
			else {
				notices.publish(id, version);
			}
		});
	}

	@PostMapping("/notices/{id}/retract")
	String retract(@PathVariable long id, @ModelAttribute("retractForm") RetractForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		return act(id, NoticeAction.RETRACT, model, redirect, response, () -> notices.retract(id, form));
	}

	private String act(long id, NoticeAction action, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Runnable step) {
		try {
			step.run();
			redirect.addFlashAttribute("success", "notice.done." + action.name());
			return "redirect:/notices/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("failure", ex.firstProblem().messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failure", ex.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		catch (OptimisticLockingFailureException ex) {
			model.addAttribute("failure", "notice.error.stale");
			response.setStatus(HttpStatus.CONFLICT.value());
		}
		return page(notices.get(id), model);
	}

	private String page(Notice notice, Model model) {
		var rectifications = notices.rectificationsOf(notice);
		var codes = new java.util.HashSet<String>();
		codes.add(notice.getRegionCode());
		rectifications.forEach(r -> codes.add(r.getRegionCode()));
		model.addAttribute("notice", notice);
		model.addAttribute("allowed", notices.allowedActions(notice));
		model.addAttribute("rectifications", rectifications);
		model.addAttribute("regionNames", regions.names(codes));
		model.addAttribute("today", ChinaTime.today(clock));
		return "supervision/notice/notice";
	}

}
