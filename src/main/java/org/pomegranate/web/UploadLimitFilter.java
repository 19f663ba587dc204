package org.pomegranate.web;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.jspecify.annotations.Nullable;
import org.pomegranate.files.UploadLimits;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload over the server's multipart limits fails while the request is parsed, which the first
 * filter to read a parameter (Spring Security's CSRF check) triggers, long before a controller
 * could answer: the user would get Tomcat's English error page. This filter parses multipart
 * requests first and, when that fails or when a file is far bigger than the path takes (beyond
 * the larger of its owner's limit, {@link UploadLimits}, and {@link #FORM_ANSWERS_UP_TO}), shows
 * the error page in the user's language with status 413 (400 for a body that is not multipart at all), as a read-only request
 * that nothing handles or writes. It runs after Spring Session's filter (order +50), so the error
 * page still knows who is signed in, and before Spring Security's.
 * <p>
 * Only a signed-in user's upload is read at all: an anonymous multipart request (nobody signed in
 * in its session) is sent to the login page before a byte of its body is read, and its connection
 * is closed rather than the rest of the body drained ({@link UnreadBodies}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 60)
class UploadLimitFilter extends OncePerRequestFilter {

	/**
	 * Up to this size a file over its owner's limit (a 6 MB photo) reaches the form, which says so
	 * beside the field and keeps what was typed; only beyond it is the request refused here.
	 */
	static final long FORM_ANSWERS_UP_TO = 10L * 1024 * 1024;

	private static final SecurityContextRepository SIGNED_IN = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private final UploadLimits limits;

	UploadLimitFilter(UploadLimits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var contentType = request.getContentType();
		if (contentType == null || !contentType.toLowerCase().startsWith("multipart/")) {
			chain.doFilter(request, response);
			return;
		}
		if (!signedIn(request)) {
			// Not sendRedirect, which holds the answer back until the request ends: it goes out now.
			UnreadBodies.leaveUnread(request);
			response.setStatus(HttpStatus.FOUND.value());
			response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + "/login");
			response.setHeader(HttpHeaders.CONNECTION, "close");
			response.flushBuffer();
			return;
		}
		@Nullable HttpStatus refused = null;
		try {
			var parts = request.getParts();
			var largest = limits.largestFileAt(request.getRequestURI().substring(request.getContextPath().length()));
			if (largest.isPresent() && parts.stream()
				.anyMatch(part -> part.getSubmittedFileName() != null
						&& part.getSize() > Math.max(largest.getAsLong(), FORM_ANSWERS_UP_TO))) {
				refused = HttpStatus.CONTENT_TOO_LARGE;
			}
		}
		catch (IllegalStateException ex) {
			// Tomcat reports a size limit as an IllegalStateException around its SizeException.
			refused = HttpStatus.CONTENT_TOO_LARGE;
		}
		catch (ServletException | IOException ex) {
			refused = HttpStatus.BAD_REQUEST;
		}
		if (refused == null) {
			chain.doFilter(request, response);
			return;
		}
		var errorPage = new ParameterlessGet(request);
		errorPage.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, refused.value());
		errorPage.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
		response.setStatus(refused.value());
		request.getRequestDispatcher("/error").forward(errorPage, response);
	}

	/**
	 * Whether the request carries a signed-in user, as Spring Security will find it: in the
	 * session (or, for a test's request, in its attributes). Reads no parameter and no body.
	 */
	private static boolean signedIn(HttpServletRequest request) {
		var authentication = SIGNED_IN.loadDeferredContext(request).get().getAuthentication();
		return TRUST.isAuthenticated(authentication);
	}

	/** The refused request as a GET without parameters or parts, so that nothing reads its body again. */
	private static final class ParameterlessGet extends HttpServletRequestWrapper {

		ParameterlessGet(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public @Nullable String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			return null;
		}

		@Override
		public Collection<Part> getParts() {
			return List.of();
		}

		@Override
		public @Nullable Part getPart(String name) {
			return null;
		}

	}

}
