package org.pomegranate.files.store;

import java.util.OptionalLong;

import org.pomegranate.files.UploadLimits;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The upload paths the file owners declare, with the limit of each owner's kind.
 */
@Component
class RouteUploadLimits implements UploadLimits {

	private final FileOwners owners;

	RouteUploadLimits(FileOwners owners) {
		this.owners = owners;
	}

	@Override
	public OptionalLong largestFileAt(String path) {
		var requested = PathContainer.parsePath(path);
		long largest = -1;
		for (var owner : owners.all()) {
			for (var pattern : owner.uploadPaths()) {
				if (PathPatternParser.defaultInstance.parse(pattern).matches(requested)) {
					largest = Math.max(largest, owner.fileKind().maxBytes());
				}
			}
		}
		return largest < 0 ? OptionalLong.empty() : OptionalLong.of(largest);
	}

}
