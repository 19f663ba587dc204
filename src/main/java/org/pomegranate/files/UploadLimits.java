package org.pomegranate.files;

import java.util.OptionalLong;

/**
 * The largest file each upload path takes, as the file owners declare it
 * ({@link FileOwner#uploadPaths()}), so the web layer refuses a part too big for its path while
 * the request is parsed.
 */
public interface UploadLimits {

	/** The largest file part the path takes, or empty for a path no owner declared. */
	OptionalLong largestFileAt(String path);

}
