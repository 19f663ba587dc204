package org.pomegranate;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser session against the running app over real HTTP: cookies, CSRF tokens
 * taken from the last page, no automatic redirects so tests see where they lead. Every form sent
 * carries a create form's one-time token, a new one unless the test gives its own, as a form
 * freshly opened does.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"");

	private final String baseUrl;

	private final HttpClient client;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private String csrfToken = "";

	private HttpResponse<String> lastPage;

	public WebSession(int port) {
		this.baseUrl = "http://localhost:" + port;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** Sends {@code name: value} with every later request, as a proxy in front of the app would add it. */
	public WebSession withHeader(String name, String value) {
		headers.put(name, value);
		return this;
	}

	public HttpResponse<String> get(String path) {
		return get(path, "text/html");
	}

	public HttpResponse<String> get(String path, String accept) {
		return remember(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", accept).GET()));
	}

	/** Follows redirects of a GET, as a browser would. */
	public HttpResponse<String> open(String path) {
		var response = get(path);
		for (int hops = 0; hops < 5 && response.statusCode() == 302; hops++) {
			response = get(location(response));
		}
		return response;
	}

	public HttpResponse<String> post(String path, Map<String, String> form) {
		if (csrfToken.isEmpty()) {
			get("/login");
		}
		var fields = new LinkedHashMap<>(form);
		fields.put("_csrf", csrfToken);
		fields.putIfAbsent("submission", UUID.randomUUID().toString());
		var body = fields.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return remember(send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))));
	}

	/**
	 * A request as a script sends it: any method, the path exactly as given (already percent-encoded),
	 * an Accept header or none at all, and the form fields (encoded here): a GET's
	 * in its query, a POST's in its body with the CSRF token.
	 */
	public HttpResponse<String> request(String method, String path, String accept, Map<String, String> form) {
		var fields = new LinkedHashMap<>(form);
		if (!method.equals("GET")) {
			fields.put("_csrf", csrfToken);
		}
		var encoded = fields.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		var target = method.equals("GET") && !encoded.isEmpty()
				? path + (path.contains("?") ? "&" : "?") + encoded : path;
		var request = HttpRequest.newBuilder(URI.create(baseUrl + target));
		if (accept != null) {
			request.header("Accept", accept);
		}
		return remember(send(method.equals("GET") ? request.GET()
				: request.header("Content-Type", "application/x-www-form-urlencoded")
					.method(method, HttpRequest.BodyPublishers.ofString(encoded))));
	}

	/** A multipart form with one file, as a browser sends an upload; the CSRF token is a form field. */
	public HttpResponse<String> postFile(String path, Map<String, String> form, String fileField, String filename,
			String contentType, byte[] content) {
		var boundary = "----pomegranate" + System.nanoTime();
		var fields = new LinkedHashMap<>(form);
		fields.put("_csrf", csrfToken);
		fields.putIfAbsent("submission", UUID.randomUUID().toString());
		var head = new StringBuilder();
		fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\n")
			.append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
			.append(value).append("\r\n"));
		head.append("--").append(boundary).append("\r\n")
			.append("Content-Disposition: form-data; name=\"").append(fileField).append("\"; filename=\"").append(filename)
			.append("\"\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
		var tail = "\r\n--" + boundary + "--\r\n";
		return remember(send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Accept", "text/html")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head.toString()),
					HttpRequest.BodyPublishers.ofByteArray(content), HttpRequest.BodyPublishers.ofString(tail)))));
	}

	/**
	 * Signs in and, like a browser, opens the page it leads to (which also brings the CSRF token
	 * that sign-in renews). Returns the sign-in answer itself; the page is {@link #lastPage()}.
	 */
	public HttpResponse<String> login(String username, String password) {
		get("/login");
		var response = post("/login", Map.of("username", username, "password", password));
		lastPage = open(location(response));
		return response;
	}

	public HttpResponse<String> lastPage() {
		return lastPage;
	}

	public static String location(HttpResponse<String> response) {
		var location = response.headers().firstValue("Location").orElseThrow();
		return location.replaceFirst("^https?://[^/]+", "");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		headers.forEach(request::header);
		var built = request.build();
		try {
			return client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(built.method() + " " + built.uri() + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> remember(HttpResponse<String> response) {
		var matcher = CSRF.matcher(response.body());
		if (matcher.find()) {
			csrfToken = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
		}
		return response;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
