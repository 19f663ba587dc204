package org.pomegranate.files.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.pomegranate.files.FileOwner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The {@link FileOwner} beans by kind, gathered when first needed (the owners use services that
 * themselves use the file store, so they cannot be injected into it), and checked once every
 * bean exists: two owners claiming the same kind stop the startup.
 */
@Component
class FileOwners implements SmartInitializingSingleton {

	private final ObjectProvider<FileOwner> provider;

	private volatile @Nullable Map<String, FileOwner> byKind;

	FileOwners(ObjectProvider<FileOwner> provider) {
		this.provider = provider;
	}

	@Override
	public void afterSingletonsInstantiated() {
		byKind();
	}

	private Map<String, FileOwner> byKind() {
		var known = byKind;
		if (known == null) {
			var owners = new LinkedHashMap<String, FileOwner>();
			provider.orderedStream().forEach(owner -> {
				var other = owners.put(owner.kind(), owner);
				if (other != null) {
					throw new IllegalStateException("Two file owners of kind " + owner.kind() + ": " + other + ", " + owner);
				}
			});
			known = Map.copyOf(owners);
			byKind = known;
		}
		return known;
	}

	Optional<FileOwner> find(String kind) {
		return Optional.ofNullable(byKind().get(kind));
	}

	FileOwner get(String kind) {
		return find(kind).orElseThrow(() -> new IllegalArgumentException("No FileOwner bean of kind " + kind));
	}

	Iterable<FileOwner> all() {
		return byKind().values();
	}

}
