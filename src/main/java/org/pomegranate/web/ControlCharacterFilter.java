package org.pomegranate.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.pomegranate.shared.FormText;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * The edge: NUL and the other control characters nobody types are refused here, once for every
 * route, before Spring Security, a controller or the database reads them: in the path, in a
 * parameter's name, or in its value (where tabs and line breaks, which a text area sends, pass on
 * to the form's own rules). The answer is the error page with status 400 and a message in the
 * user's language (JSON for a script), and nothing is logged. It runs after
 * {@link UploadLimitFilter}, which parses an upload first, and before Spring Security (order -100).
 * <p>
 * {@code /error} opened by hand, not forwarded to by the server, is a page that does not exist.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 70)
class ControlCharacterFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getServletPath().equals("/error") && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
			request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.NOT_FOUND.value());
		}
		if (holdsControlCharacters(request)) {
			request.setAttribute(ErrorPageAttributes.REASON, "controlCharacters");
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean holdsControlCharacters(HttpServletRequest request) {
		String path;
		try {
			path = UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// Tomcat refuses a malformed escape in the path before this; anything else unreadable is refused too.
			return true;
		}
		if (FormText.hasControlCharacters(path, false)) {
			return true;
		}
		for (var parameter : request.getParameterMap().entrySet()) {
			if (FormText.hasControlCharacters(parameter.getKey(), false)) {
				return true;
			}
			for (var value : parameter.getValue()) {
				if (FormText.hasControlCharacters(value, true)) {
					return true;
				}
			}
		}
		return false;
	}

}
