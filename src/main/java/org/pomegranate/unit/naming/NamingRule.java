package org.pomegranate.unit.naming;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

/**
 * An issuing region's rule for the titles of one level: how many years they last, whether one
 * needs a valid title of the level below (a national title always needs a provincial one) and
 * whether an application needs a confirmed assessment that passed.
 */
@Entity
@Table(name = "naming_rule")
@IdClass(NamingRule.Key.class)
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class NamingRule {

	@Id
	private String issuerRegionCode;

	@Id
	@Enumerated(EnumType.STRING)
	private NamingLevel level;

	private int validityYears;

	private boolean requiresLower;

	/** Whether an application must name a confirmed assessment that passed (测评依据). */
	private boolean requiresAssessment;

	private String updatedBy;

	private Instant updatedAt;

	@Version
	private long version;

	NamingRule(String issuerRegionCode, NamingLevel level, String updatedBy) {
		this.issuerRegionCode = issuerRegionCode;
		this.level = level;
		this.validityYears = Validity.DEFAULT_YEARS;
		this.requiresLower = level == NamingLevel.NATIONAL;
		this.updatedBy = updatedBy;
		this.updatedAt = Instant.now();
	}

	/** The rule of a region that has set none: five years, no lower title needed except for a national one. */
	static NamingRule defaultOf(String issuerRegionCode, NamingLevel level) {
		return new NamingRule(issuerRegionCode, level, "system");
	}

	/** Whether a title of this level needs a live title of the level below. */
	public boolean needsLower() {
		return level == NamingLevel.NATIONAL || (requiresLower && level.lower().isPresent());
	}

	/**
	 * Whether {@link #needsLower()} is the level's and not the region's to choose: a national title
	 * always needs a provincial one, a county title has no level below it.
	 */
	public boolean lowerIsFixed() {
		return level == NamingLevel.NATIONAL || level.lower().isEmpty();
	}

	void change(int validityYears, boolean requiresLower, boolean requiresAssessment, String updatedBy) {
		this.validityYears = validityYears;
		this.requiresAssessment = requiresAssessment;
		this.requiresLower = level == NamingLevel.NATIONAL || (requiresLower && level.lower().isPresent());
		this.updatedBy = updatedBy;
		this.updatedAt = Instant.now();
	}

	/** The rule's key: the issuing region and the level. */
	public static class Key implements Serializable {

		private String issuerRegionCode = "";

		private NamingLevel level = NamingLevel.COUNTY;

		protected Key() {
		}

		public Key(String issuerRegionCode, NamingLevel level) {
			this.issuerRegionCode = issuerRegionCode;
			this.level = level;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof Key key && key.issuerRegionCode.equals(issuerRegionCode) && key.level == level;
		}

		@Override
		public int hashCode() {
			return Objects.hash(issuerRegionCode, level);
		}

	}

}
