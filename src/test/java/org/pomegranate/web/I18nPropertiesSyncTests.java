package org.pomegranate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every label has a Chinese and an English text, and every message key a template uses exists.
 * Each module keeps its own bundle, {@code messages/<module>.properties} with its twin
 * {@code messages/<module>_en.properties}; every pair found is checked, and a key lives in one
 * bundle only.
 */
class I18nPropertiesSyncTests {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*[a-zA-Z0-9])[}(]");

	private static final Set<String> BUNDLES = MessageBundles.basenames(new PathMatchingResourcePatternResolver());

	@Test
	void everyModuleBundleHasAnEnglishTwinWithTheSameKeys() throws IOException {
		assertThat(BUNDLES).contains("messages/web", "messages/pairing", "messages/petition");
		for (String bundle : BUNDLES) {
			var chinese = load(bundle + ".properties");
			var english = load(bundle + "_en.properties");
			assertThat(english.stringPropertyNames()).as("keys of %s missing in English or only in English", bundle)
				.containsExactlyInAnyOrderElementsOf(chinese.stringPropertyNames());
			assertThat(chinese.stringPropertyNames()).as(bundle).isNotEmpty();
		}
		assertThat(allChinese().stringPropertyNames()).hasSizeGreaterThan(100);
	}

	@Test
	void aKeyBelongsToOneBundle() throws IOException {
		var owner = new HashMap<String, String>();
		var twice = new ArrayList<String>();
		for (String bundle : BUNDLES) {
			for (String key : load(bundle + ".properties").stringPropertyNames()) {
				var first = owner.putIfAbsent(key, bundle);
				if (first != null) {
					twice.add(key + " in " + first + " and " + bundle);
				}
			}
		}
		assertThat(twice).isEmpty();
	}

	/** Keys outside {@code messages/} would be read by nobody; they belong in their module's bundle. */
	@Test
	void noBundleOutsideTheMessagesFolder() {
		assertThat(new ClassPathResource("messages.properties").exists())
			.as("messages.properties is not read: move its keys to messages/<module>.properties and _en").isFalse();
		assertThat(new ClassPathResource("messages_en.properties").exists())
			.as("messages_en.properties is not read: move its keys to messages/<module>_en.properties").isFalse();
	}

	@Test
	void noTextIsEmptyAndChineseTextsAreChinese() throws IOException {
		var chinese = allChinese();
		var english = allEnglish();
		chinese.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
		english.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
		long withHanzi = chinese.values().stream().filter(v -> v.toString().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).count();
		assertThat(withHanzi).as("Chinese bundle is mostly Chinese").isGreaterThan(chinese.size() * 8L / 10);
	}

	@Test
	void everyLiteralKeyInTheTemplatesExists() throws IOException {
		var keys = allChinese().stringPropertyNames();
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				var matcher = TEMPLATE_KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					if (!keys.contains(matcher.group(1))) {
						missing.add(template.getFileName() + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	/** The application's message source reads every bundle found, in both languages. */
	@Test
	void theApplicationReadsEveryBundle() throws IOException {
		var properties = new MessageSourceProperties();
		properties.setEncoding(StandardCharsets.UTF_8);
		properties.setFallbackToSystemLocale(false);
		var messages = new MessageBundles().messageSource(properties);
		for (String bundle : BUNDLES) {
			var chinese = load(bundle + ".properties");
			var english = load(bundle + "_en.properties");
			for (String key : chinese.stringPropertyNames()) {
				assertThat(messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE)).as(key)
					.isEqualTo(chinese.getProperty(key));
				assertThat(messages.getMessage(key, null, Locale.ENGLISH)).as(key)
					.isEqualTo(english.getProperty(key));
			}
		}
	}

	private static Properties allChinese() throws IOException {
		return all("");
	}

	private static Properties allEnglish() throws IOException {
		return all("_en");
	}

	private static Properties all(String suffix) throws IOException {
		var all = new Properties();
		for (String bundle : BUNDLES) {
			all.putAll(load(bundle + suffix + ".properties"));
		}
		return all;
	}

	private static Properties load(String name) throws IOException {
		var properties = new Properties();
		try (var reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
