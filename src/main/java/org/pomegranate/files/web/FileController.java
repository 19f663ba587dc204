package org.pomegranate.files.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.store.FileAccess;
import org.pomegranate.shared.Downloads;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The one download endpoint of every stored file. Nothing it serves runs in the app's origin:
 * always an attachment (an {@code <img>} still shows a photo), under the name whose extension
 * matches the sniffed type, with no sniffing by the browser and a sandboxing policy in case a
 * browser renders it anyway. Streamed a chunk at a time; not cached on shared computers.
 */
@Controller
class FileController {

	/** No script, no plugin, no form, no frame, nothing loaded: a document shown here can do nothing. */
	static final String CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'";

	private final FileAccess access;

	private final FileStore files;

	FileController(FileAccess access, FileStore files) {
		this.access = access;
		this.files = files;
	}

	@GetMapping("/files/{id}")
	void download(@PathVariable long id, HttpServletResponse response) throws IOException {
		var file = access.visible(id);
		response.setContentType(file.contentType());
		response.setContentLengthLong(file.sizeBytes());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(file.filename()));
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		try (var content = files.open(file.id())) {
			content.transferTo(response.getOutputStream());
		}
	}

}
