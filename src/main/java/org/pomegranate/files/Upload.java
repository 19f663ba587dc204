package org.pomegranate.files;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file as it arrives: the name the user's computer gave it, its size, and its content, which
 * may be opened more than once (once to check it, once to store it) and is never held in memory
 * whole: an uploaded part lies in a temporary file until the request ends.
 */
public record Upload(String declaredName, long size, InputStreamSource content) {

	public static Upload of(MultipartFile file) {
		return new Upload(String.valueOf(file.getOriginalFilename()), file.getSize(), file);
	}

	/**
	 * The files chosen in a form's file inputs. A browser sends a part without a name for an input
	 * left empty, which is no file; a chosen file of 0 bytes is kept, so the store refuses it aloud.
	 */
	public static List<Upload> of(@Nullable List<MultipartFile> files) {
		var uploads = new ArrayList<Upload>();
		if (files != null) {
			for (var file : files) {
				if (!file.isEmpty() || (file.getOriginalFilename() != null && !file.getOriginalFilename().isEmpty())) {
					uploads.add(of(file));
				}
			}
		}
		return uploads;
	}

	/** A small file made in memory (a generated report, demo data, a test). */
	public static Upload of(String declaredName, byte[] content) {
		return new Upload(declaredName, content.length, new ByteArrayResource(content));
	}

}
