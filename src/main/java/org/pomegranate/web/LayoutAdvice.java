package org.pomegranate.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.pomegranate.account.CurrentUser;
import org.pomegranate.shared.MenuContribution;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page: the signed-in user, their menu (gathered from every
 * module's {@link MenuContribution}) and the current path.
 */
@ControllerAdvice
class LayoutAdvice {

	private final List<MenuItem> menu;

	LayoutAdvice(List<MenuContribution> contributions) {
		this.menu = MenuItem.of(contributions);
	}

	@ModelAttribute("currentUser")
	@Nullable
	CurrentUser currentUser(@AuthenticationPrincipal @Nullable CurrentUser user) {
		return user;
	}

	@ModelAttribute("menu")
	List<MenuItem> menu(@AuthenticationPrincipal @Nullable CurrentUser user) {
		return user == null ? List.of() : MenuItem.forRole(menu, user.role());
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getServletPath();
	}

}
