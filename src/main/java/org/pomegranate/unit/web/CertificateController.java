package org.pomegranate.unit.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.pomegranate.unit.certificate.Certificates;
import org.pomegranate.unit.certificate.QrCodes;
import org.pomegranate.unit.certificate.VerificationLinks;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 授牌: a title's certificate as an A4 page to print (公文 fonts, no menu on paper), with its
 * verification code and the QR code that opens the public verification page.
 */
@Controller
class CertificateController {

	/** Pixels of the QR code's PNG: sharp at the 4 cm it is printed at. */
	private static final int QR_SIZE = 480;

	private final Certificates certificates;

	private final VerificationLinks links;

	CertificateController(Certificates certificates, VerificationLinks links) {
		this.certificates = certificates;
		this.links = links;
	}

	@GetMapping("/namings/{id}/certificate")
	String certificate(@PathVariable long id, Model model) {
		var certificate = certificates.certificate(id);
		model.addAttribute("certificate", certificate);
		model.addAttribute("verificationUrl", links.of(certificate.verificationCode()));
		return "naming/certificate";
	}

	/** The PNG, whatever the request accepts (an address typed in, a print preview): no content negotiation. */
	@GetMapping("/namings/{id}/certificate/qr.png")
	void qrCode(@PathVariable long id, HttpServletResponse response) throws IOException {
		var certificate = certificates.certificate(id);
		var png = QrCodes.png(links.of(certificate.verificationCode()), QR_SIZE);
		response.setContentType(MediaType.IMAGE_PNG_VALUE);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentLength(png.length);
		response.getOutputStream().write(png);
	}

}
