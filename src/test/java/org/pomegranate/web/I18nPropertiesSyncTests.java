package org.pomegranate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Every label has a Chinese and an English text, and every message key a template uses exists.
 */
class I18nPropertiesSyncTests {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*[a-zA-Z0-9])[}(]");

	@Test
	void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
		var chinese = load("messages.properties");
		var english = load("messages_en.properties");
		assertThat(english.stringPropertyNames()).as("keys missing in English or only in English")
			.containsExactlyInAnyOrderElementsOf(chinese.stringPropertyNames());
		assertThat(chinese.stringPropertyNames()).hasSizeGreaterThan(100);
	}

	@Test
	void noTextIsEmptyAndChineseTextsAreChinese() throws IOException {
		var chinese = load("messages.properties");
		var english = load("messages_en.properties");
		chinese.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
		english.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
		long withHanzi = chinese.values().stream().filter(v -> v.toString().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).count();
		assertThat(withHanzi).as("Chinese bundle is mostly Chinese").isGreaterThan(chinese.size() * 8L / 10);
	}

	@Test
	void everyLiteralKeyInTheTemplatesExists() throws IOException {
		var keys = load("messages.properties").stringPropertyNames();
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

	private static Properties load(String name) throws IOException {
		var properties = new Properties();
		try (var reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
