package org.pomegranate.account.web;

import jakarta.validation.constraints.NotBlank;

/**
 * The change-password form. The policy itself is checked by the service (blank passwords again).
 */
public record PasswordForm(@NotBlank String currentPassword,
		@NotBlank(message = "{password.error.blank}") String newPassword,
		@NotBlank(message = "{password.error.blank}") String confirmPassword) {

	static PasswordForm empty() {
		return new PasswordForm("", "", "");
	}

}
