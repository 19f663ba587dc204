package org.pomegranate.account.mfa;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

/** One single-use recovery code, kept as a password hash only. */
@Entity
@Table(name = "second_factor_recovery_code")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class RecoveryCode {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long userId;

	private String codeHash;

	private @Nullable Instant usedAt;

	RecoveryCode(long userId, String codeHash) {
		this.userId = userId;
		this.codeHash = codeHash;
	}

	void use(Instant now) {
		if (usedAt != null) {
			throw new IllegalStateException("Recovery code already used");
		}
		usedAt = now;
	}

}
