package org.pomegranate.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Headers of a file download whose name may be Chinese (RFC 6266 / 5987 encoding, which every
 * current browser and WPS understand), and the body of a download that begins only with its first
 * byte.
 */
public final class Downloads {

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private Downloads() {
	}

	/** The {@code Content-Disposition} of a download named {@code filename}: the one way it is written. */
	public static String attachment(String filename) {
		return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
	}

	private static void prepare(HttpServletResponse response, String contentType, String filename) {
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(filename));
	}

	/**
	 * The body of a download that is begun (its headers set, the response's stream opened) only
	 * when its first byte is written. A list whose query is refused before that (a program of
	 * another region, a filter that does not parse) leaves the response untouched, so the user gets
	 * the error page that any other page would give, not a download of it.
	 */
	public static OutputStream body(HttpServletResponse response, String contentType, String filename) {
		return new OutputStream() {

			private @Nullable OutputStream begun;

			private OutputStream begun() throws IOException {
				if (begun == null) {
					prepare(response, contentType, filename);
					begun = response.getOutputStream();
				}
				return begun;
			}

			@Override
			public void write(int b) throws IOException {
				begun().write(b);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				begun().write(bytes, offset, length);
			}

			@Override
			public void flush() throws IOException {
				if (begun != null) {
					begun.flush();
				}
			}

		};
	}

}
