package org.pomegranate.unit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.pomegranate.unit.naming.Naming;
import org.pomegranate.unit.naming.NamingForms.EndRectificationForm;
import org.pomegranate.unit.naming.NamingForms.NameForm;
import org.pomegranate.unit.naming.NamingForms.NoteForm;
import org.pomegranate.unit.naming.NamingForms.RecheckForm;
import org.pomegranate.unit.naming.NamingForms.RecheckResultForm;
import org.pomegranate.unit.naming.NamingForms.RevokeForm;
import org.pomegranate.unit.naming.NamingMaterials;
import org.pomegranate.unit.naming.NamingService;
import org.pomegranate.unit.naming.RecheckKind;
import org.pomegranate.unit.naming.RecheckResult;
import org.pomegranate.unit.naming.RecheckService;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The title page (命名) with its history, re-checks and a form for each step this user may take:
 * empty as the page opens, or, when a step was refused, that step's form as it was typed (the
 * model already holds it, with its errors) beside the others empty.
 */
@Component
class TitlePage {

	static final String VIEW = "naming/naming";

	private final NamingService namings;

	private final RecheckService rechecks;

	private final NamingPages pages;

	private final NamingMaterials materials;

	TitlePage(NamingService namings, RecheckService rechecks, NamingPages pages, NamingMaterials materials) {
		this.namings = namings;
		this.rechecks = rechecks;
		this.pages = pages;
		this.materials = materials;
	}

	String show(long id, Model model) {
		var naming = namings.get(id);
		var today = namings.today();
		model.addAttribute("naming", naming);
		model.addAttribute("state", naming.stateOn(today));
		model.addAttribute("allowed", namings.allowedActions(naming));
		model.addAttribute("history", namings.history(id));
		model.addAttribute("rechecks", namings.rechecks(id));
		var openRecheck = rechecks.openRecheck(id);
		model.addAttribute("openRecheck", openRecheck);
		model.addAttribute("materials", materials.of(id));
		model.addAttribute("mayAddMaterials", materials.refusal(naming).isEmpty());
		var others = namings.holderTitles(naming).stream().filter(n -> !n.getId().equals(naming.getId())).toList();
		model.addAttribute("others", others);
		var shown = new ArrayList<Naming>(others);
		shown.add(naming);
		model.addAttribute("regionNames", pages.regionNames(shown));
		model.addAttribute("today", today);
		model.addAttribute("recheckKinds", List.of(RecheckKind.AD_HOC, RecheckKind.MUTUAL));
		model.addAttribute("results", RecheckResult.values());
		var version = naming.getVersion();
		var day = today.toString();
		unlessTyped(model, "nameForm", () -> new NameForm("", day, version));
		unlessTyped(model, "refuseForm", () -> new NoteForm("", version));
		unlessTyped(model, "recheckForm", () -> new RecheckForm(RecheckKind.AD_HOC, today.plusDays(30).toString(), "", version));
		unlessTyped(model, "endRectificationForm", () -> new EndRectificationForm(true, "", "", "", version));
		unlessTyped(model, "clearFlagForm", () -> new NoteForm("", version));
		unlessTyped(model, "revokeForm", () -> new RevokeForm("", "", day, version));
		if (openRecheck != null) {
			unlessTyped(model, "recheckResultForm", () -> new RecheckResultForm(day, "", "", RecheckResult.PASSED, "", "",
					"", day, openRecheck.getVersion()));
		}
		return VIEW;
	}

	private static void unlessTyped(Model model, String name, Supplier<Object> empty) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, empty.get());
		}
	}

}
