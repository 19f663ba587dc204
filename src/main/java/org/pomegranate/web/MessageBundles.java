package org.pomegranate.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * One message bundle per module: {@code messages/pairing.properties} (Chinese, the default) with
 * its English twin {@code messages/pairing_en.properties}, found on the class path, so a new
 * module adds its two files and edits no list. The other {@code spring.messages.*} settings
 * (encoding, no fallback to the system locale) apply to every bundle.
 */
@Configuration(proxyBeanMethods = false)
class MessageBundles {

	static final String LOCATION = "classpath*:messages/*.properties";

	@Bean
	@ConfigurationProperties("spring.messages")
	MessageSourceProperties messageBundleProperties() {
		return new MessageSourceProperties();
	}

	@Bean
	MessageSource messageSource(MessageSourceProperties properties) {
		var source = new ResourceBundleMessageSource();
		source.setBasenames(basenames(new PathMatchingResourcePatternResolver()).toArray(String[]::new));
		if (properties.getEncoding() != null) {
			source.setDefaultEncoding(properties.getEncoding().name());
		}
		source.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
		if (properties.getCacheDuration() != null) {
			source.setCacheMillis(properties.getCacheDuration().toMillis());
		}
		source.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
		source.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
		return source;
	}

	/** {@code messages/pairing} for {@code pairing.properties} and {@code pairing_en.properties}. */
	static SortedSet<String> basenames(ResourcePatternResolver resolver) {
		var basenames = new TreeSet<String>();
		try {
			for (var resource : resolver.getResources(LOCATION)) {
				var filename = resource.getFilename();
				if (filename == null) {
					continue;
				}
				var name = filename.substring(0, filename.length() - ".properties".length());
				int locale = name.indexOf('_');
				basenames.add("messages/" + (locale < 0 ? name : name.substring(0, locale)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the message bundles at " + LOCATION, ex);
		}
		if (basenames.isEmpty()) {
			throw new IllegalStateException("No message bundle at " + LOCATION);
		}
		return basenames;
	}

}
