package org.pomegranate.account.web;

import jakarta.validation.constraints.NotBlank;

/**
 * The change-password form. The policy itself is checked by the service.
 */
public record PasswordForm(@NotBlank String currentPassword, @NotBlank String newPassword, @NotBlank String confirmPassword) {

	static PasswordForm empty() {
		return new PasswordForm("", "", "");
	}

}
