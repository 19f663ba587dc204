package org.pomegranate.account.web;

import org.pomegranate.account.Role;
import org.pomegranate.account.user.UserAccount;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The forms of the user pages. Bean Validation catches what is plainly missing; the service
 * checks the rules (scope, password policy, uniqueness).
 */
public final class UserForms {

	private UserForms() {
	}

	/** {@code submission}: the form's one-time token (SubmissionTokens), checked by the service. */
	record NewUser(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 50) String displayName,
			@NotNull @Nullable Role role, @NotBlank String regionCode,
			@NotBlank(message = "{password.error.blank}") String password,
			@NotBlank(message = "{password.error.blank}") String confirmPassword, @Nullable UUID submission) {

		static NewUser empty(String regionCode) {
			return new NewUser("", "", Role.STAFF, regionCode, "", "", null);
		}

	}

	record EditUser(@NotBlank @Size(max = 50) String displayName, @NotNull @Nullable Role role,
			@NotBlank String regionCode, long version) {

		static EditUser of(UserAccount account) {
			return new EditUser(account.getDisplayName(), account.getRole(), account.getRegionCode(),
					account.getVersion());
		}

	}

	record ResetPassword(@Nullable String newPassword, @Nullable String confirmPassword) {
	}

}
