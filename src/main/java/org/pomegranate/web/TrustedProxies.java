package org.pomegranate.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Who may say where a request came from: {@code X-Forwarded-For} and {@code X-Forwarded-Proto}
 * count only when the connection comes from a proxy listed in {@code pomegranate.trusted-proxies}
 * ({@code POMEGRANATE_TRUSTED_PROXIES}: IP addresses or CIDR ranges, comma-separated; none by
 * default). Tomcat's {@link RemoteIpValve} ({@code server.forward-headers-strategy=native}) then
 * sets the request's remote address, which the audit log reads; from anywhere else the socket's
 * address stands, whatever the headers say. Runs after Spring Boot's own customizer, so that this
 * list replaces Tomcat's default of every private address.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final String proxies;

	TrustedProxies(@Value("${pomegranate.trusted-proxies:}") String configured) {
		this.proxies = asCidrs(configured);
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.getEngineValves()
			.stream()
			.filter(RemoteIpValve.class::isInstance)
			.map(RemoteIpValve.class::cast)
			.forEach(valve -> valve.setInternalProxies(proxies));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * The list as Tomcat's CIDR notation (a bare address becomes {@code /32} or {@code /128}); an
	 * entry that is neither stops the start with its name, rather than trusting nobody silently.
	 */
	static String asCidrs(String configured) {
		return Arrays.stream(configured.split(","))
			.map(String::strip)
			.filter(entry -> !entry.isEmpty())
			.map(entry -> entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32"))
			.peek(entry -> {
				try {
					new NetMask(entry);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalStateException("POMEGRANATE_TRUSTED_PROXIES: not an IP address or CIDR range: " + entry, ex);
				}
			})
			.collect(Collectors.joining(","));
	}

}
