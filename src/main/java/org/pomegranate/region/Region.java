package org.pomegranate.region;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.RegionScoped;

/**
 * One administrative division. Its code is its path: {@code 513301001} lies under
 * {@code 513301} (康定市) under {@code 5133} (甘孜州) under {@code 51} (四川省).
 */
@Entity
@Table(name = "region")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Region implements RegionScoped {

	@Id
	private String code;

	private String name;

	@Enumerated(EnumType.STRING)
	private RegionLevel level;

	private @Nullable String parentCode;

	private @Nullable Instant retiredAt;

	@Version
	private long version;

	Region(String code, String name, RegionLevel level, String parentCode) {
		this.code = code;
		this.name = name;
		this.level = level;
		this.parentCode = parentCode;
	}

	@Override
	public String getRegionCode() {
		return code;
	}

	public boolean isRetired() {
		return retiredAt != null;
	}

	void rename(String newName) {
		requireLocallyManaged();
		this.name = newName;
	}

	void retire() {
		requireLocallyManaged();
		if (retiredAt != null) {
			throw new IllegalStateException("Region " + code + " is already retired");
		}
		this.retiredAt = Instant.now();
	}

	void reinstate() {
		requireLocallyManaged();
		this.retiredAt = null;
	}

	private void requireLocallyManaged() {
		if (!level.isLocallyManaged()) {
			throw new IllegalStateException("Only townships and villages are managed locally, not " + level);
		}
	}

}
