package org.pomegranate.files.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pomegranate.files.FileType;

/**
 * Display names: no path, no character a header or Windows would trip on, no direction trick,
 * at most 100 characters, and an extension that says what the bytes are.
 */
class FileNamesTests {

	@Test
	void theExtensionMatchesTheSniffedType() {
		assertThat(FileNames.displayName("x.html", FileType.JPEG)).isEqualTo("x.jpg");
		assertThat(FileNames.displayName("来信.exe", FileType.PDF)).isEqualTo("来信.pdf");
		assertThat(FileNames.displayName("走访照片", FileType.PNG)).isEqualTo("走访照片.png");
		assertThat(FileNames.displayName("家访.JPEG", FileType.JPEG)).isEqualTo("家访.JPEG");
		assertThat(FileNames.displayName("2024.02.05 走访.jpg", FileType.PNG)).isEqualTo("2024.02.05 走访.png");
	}

	@Test
	void pathsControlCharactersAndDirectionMarksAreRemoved() {
		assertThat(FileNames.displayName("C:\\Users\\张三\\照片.png", FileType.PNG)).isEqualTo("照片.png");
		assertThat(FileNames.displayName("../../etc/passwd", FileType.PDF)).isEqualTo("passwd.pdf");
		assertThat(FileNames.displayName("a\"b\r\nc.pdf", FileType.PDF)).isEqualTo("a_b__c.pdf");
		assertThat(FileNames.displayName("invoice\u202Egpj.exe", FileType.JPEG)).isEqualTo("invoicegpj.jpg");
		assertThat(FileNames.displayName("", FileType.JPEG)).isEqualTo("file.jpg");
		assertThat(FileNames.displayName(" .html", FileType.JPEG)).isEqualTo("file.jpg");
	}

	@Test
	void longNamesAreShortenedKeepingTheExtension() {
		var name = FileNames.displayName("照".repeat(150) + ".docx", FileType.DOCX);
		assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith("照.docx");
	}

}
