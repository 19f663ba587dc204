package org.pomegranate.account.web;

import org.pomegranate.account.AccountService;
import org.pomegranate.account.CurrentUser;
import org.pomegranate.account.Role;
import org.pomegranate.account.user.UserAccount;
import java.util.List;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.Paging;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins list, create and edit the users of their subtree, disable and enable them, and reset
 * their passwords; an admin account only from a higher region, so its page is read-only to peers.
 */
@Controller
@RequestMapping("/admin/users")
class UserController {

	private static final int PAGE_SIZE = 20;

	private final AccountService accounts;

	private final RegionService regions;

	UserController(AccountService accounts, RegionService regions) {
		this.accounts = accounts;
		this.regions = regions;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable Role role,
			@RequestParam(defaultValue = "") String region, @RequestParam(required = false) @Nullable Boolean enabled,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var users = accounts.search(new UserQuery(q, role, region, enabled),
				PageRequest.of(Paging.page(page), PAGE_SIZE, Sort.by("regionCode", "username")));
		model.addAttribute("users", users);
		model.addAttribute("regionNames", regions.names(users.map(UserAccount::getRegionCode).toSet()));
		// Accounts the admin sees but may not manage (admins of their own region): marked read-only.
		model.addAttribute("readOnly", users.filter(u -> !accounts.permissions(u).manage()).map(UserAccount::getId).toSet());
		model.addAttribute("roles", Role.values());
		model.addAttribute("q", q);
		model.addAttribute("role", role);
		model.addAttribute("region", region);
		model.addAttribute("enabled", enabled);
		return "account/users";
	}

	@GetMapping("/new")
	String newUser(@AuthenticationPrincipal CurrentUser admin, Model model) {
		model.addAttribute("form", UserForms.NewUser.empty(admin.regionCode()));
		return newUserView(model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") UserForms.NewUser form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors() && !form.password().equals(form.confirmPassword())) {
			result.rejectValue("confirmPassword", "password.error.mismatch");
		}
		if (result.hasErrors()) {
			return newUserView(model);
		}
		try {
			var account = accounts.create(form.username(), form.displayName(), form.role(), form.regionCode(),
					form.password(), form.submission());
			redirect.addFlashAttribute("success", "user.created");
			return "redirect:/admin/users/" + account.getId();
		}
		catch (BusinessRuleException ex) {
			result.reject(ex.messageKey());
			return newUserView(model);
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		var account = accounts.get(id);
		model.addAttribute("form", UserForms.EditUser.of(account));
		return editView(account, model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") UserForms.EditUser form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		var account = accounts.get(id);
		if (result.hasErrors()) {
			return editView(account, model);
		}
		try {
			accounts.update(id, form.version(), form.displayName(), form.role(), form.regionCode());
			redirect.addFlashAttribute("success", "user.updated");
			return "redirect:/admin/users/" + id;
		}
		catch (BusinessRuleException ex) {
			result.reject(ex.messageKey());
		}
		catch (OptimisticLockingFailureException ex) {
			result.reject("error.staleEdit");
		}
		return editView(account, model);
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		return statusChange(id, () -> accounts.disable(id, version), "user.disabled", redirect);
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		return statusChange(id, () -> accounts.enable(id, version), "user.enableDone", redirect);
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @ModelAttribute("reset") UserForms.ResetPassword reset,
			RedirectAttributes redirect) {
		try {
			accounts.resetPassword(id, reset.newPassword(), reset.confirmPassword());
			redirect.addFlashAttribute("success", "user.passwordReset");
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		return "redirect:/admin/users/" + id;
	}

	private String statusChange(long id, Runnable change, String successKey, RedirectAttributes redirect) {
		try {
			change.run();
			redirect.addFlashAttribute("success", successKey);
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("failure", "error.staleEdit");
		}
		return "redirect:/admin/users/" + id;
	}

	private String newUserView(Model model) {
		model.addAttribute("roles", accounts.assignableRoles());
		model.addAttribute("regionChoices", regions.selectable(RegionLevel.TOWNSHIP));
		return "account/user-new";
	}

	private String editView(UserAccount account, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("may", accounts.permissions(account));
		model.addAttribute("regionName", regions.names(List.of(account.getRegionCode())).get(account.getRegionCode()));
		model.addAttribute("roles", accounts.assignableRoles());
		model.addAttribute("regionChoices", regions.selectable(RegionLevel.TOWNSHIP));
		if (!model.containsAttribute("reset")) {
			model.addAttribute("reset", new UserForms.ResetPassword("", ""));
		}
		return "account/user-edit";
	}

}
