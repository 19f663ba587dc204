package org.pomegranate.account;

import jakarta.validation.constraints.NotBlank;

/**
 * The change-password form. The policy itself is checked by the service.
 */
record PasswordForm(@NotBlank String currentPassword, @NotBlank String newPassword, @NotBlank String confirmPassword) {

	static PasswordForm empty() {
		return new PasswordForm("", "", "");
	}

}
