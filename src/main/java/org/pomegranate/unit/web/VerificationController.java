package org.pomegranate.unit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pomegranate.unit.certificate.Certificates;
import org.pomegranate.unit.certificate.VerificationRateLimit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public verification page (the one page without a login): what a certificate's QR code
 * opens. It shows only holder, title, level, issuer, dates and today's state, on a page of its own
 * without the signed-in layout (no menu, no CSRF token, so no session is made); not indexed, not
 * cached. A code no title has and a text that is no code at all get the same 404, and every
 * address gets {@link VerificationRateLimit} requests a minute, then 429 with Retry-After.
 */
@Controller
class VerificationController {

	static final String VIEW = "naming/verify";

	private final Certificates certificates;

	private final VerificationRateLimit limit;

	VerificationController(Certificates certificates, VerificationRateLimit limit) {
		this.certificates = certificates;
		this.limit = limit;
	}

	@GetMapping("/verify/{verificationCode}")
	String verify(@PathVariable String verificationCode, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		response.setHeader("X-Robots-Tag", "noindex, nofollow");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		var wait = limit.take(request.getRemoteAddr());
		if (wait.isPresent()) {
			long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
			model.addAttribute("retryAfter", seconds);
			return VIEW;
		}
		var verification = certificates.verify(verificationCode);
		if (verification.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return VIEW;
		}
		model.addAttribute("verification", verification.get());
		return VIEW;
	}

}
