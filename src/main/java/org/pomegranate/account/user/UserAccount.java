package org.pomegranate.account.user;

import org.pomegranate.account.Role;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.pomegranate.shared.RegionScoped;

/**
 * A person who signs in: one role, one region.
 */
@Entity
@Table(name = "user_account")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class UserAccount implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String displayName;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	private String regionCode;

	private boolean enabled;

	private boolean passwordChangeRequired;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	public UserAccount(String username, String displayName, String passwordHash, Role role, String regionCode,
			boolean passwordChangeRequired) {
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.regionCode = regionCode;
		this.enabled = true;
		this.passwordChangeRequired = passwordChangeRequired;
		this.createdAt = Instant.now();
		this.updatedAt = this.createdAt;
	}

	public void changeProfile(String displayName, Role role, String regionCode) {
		this.displayName = displayName;
		this.role = role;
		this.regionCode = regionCode;
		this.updatedAt = Instant.now();
	}

	/** A password set by an admin must be changed by its owner at the next login. */
	public void setPassword(String passwordHash, boolean changeRequired) {
		this.passwordHash = passwordHash;
		this.passwordChangeRequired = changeRequired;
		this.updatedAt = Instant.now();
	}

	public void disable() {
		this.enabled = false;
		this.updatedAt = Instant.now();
	}

	public void enable() {
		this.enabled = true;
		this.updatedAt = Instant.now();
	}

}
