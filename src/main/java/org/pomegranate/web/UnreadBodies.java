package org.pomegranate.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Request bodies the app refused without reading them stay unread. After an answer Tomcat reads
 * what is left of a body (up to {@code server.tomcat.max-swallow-size}) to keep the connection;
 * for a request marked with {@link #leaveUnread} it closes the connection instead, so an
 * anonymous 36 MB upload costs the server no more than its headers. An engine valve, so that it
 * acts after the host's error-page handling: closing counts as an error for Tomcat, which must
 * not answer it with an error page that reads the body after all.
 */
@Component
class UnreadBodies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private static final String LEAVE_UNREAD = UnreadBodies.class.getName() + ".LEAVE_UNREAD";

	/** Marks the request: once answered, its connection is closed rather than its body read. */
	static void leaveUnread(ServletRequest request) {
		request.setAttribute(LEAVE_UNREAD, Boolean.TRUE);
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addEngineValves(new CloseInsteadOfReading());
	}

	private static final class CloseInsteadOfReading extends ValveBase {

		CloseInsteadOfReading() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			getNext().invoke(request, response);
			if (request.getAttribute(LEAVE_UNREAD) != null) {
				request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
			}
		}

	}

}
