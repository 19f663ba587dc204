package org.pomegranate.account.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void shipsAtLeastTenThousandCommonPasswords() {
		assertThat(policy.commonPasswordCount()).isGreaterThanOrEqualTo(10_000);
	}

	@Test
	void acceptsALongUncommonPasswordWithoutTheUserName() {
		assertThat(policy.violations("kd_staff", "石榴籽-Kangding-2024")).isEmpty();
	}

	@Test
	void refusesShortPasswordsCountingCharactersNotBytes() {
		assertThat(policy.violations("kd_staff", "Ab3$efgh1kL")).containsExactly("password.error.tooShort");
		assertThat(policy.violations("kd_staff", "民族团结进步创建石榴籽")).containsExactly("password.error.tooShort");
		assertThat(policy.violations("kd_staff", "民族团结进步创建石榴籽工作")).isEmpty();
	}

	@Test
	void refusesCommonPasswordsWhateverTheirCase() {
		assertThat(policy.violations("kd_staff", "unbelievable")).containsExactly("password.error.common");
		assertThat(policy.violations("kd_staff", "Scandinavian")).containsExactly("password.error.common");
		assertThat(policy.violations("kd_staff", "password")).contains("password.error.tooShort",
				"password.error.common");
	}

	@Test
	void refusesThePasswordEqualToOrContainingTheUserName() {
		assertThat(policy.violations("zhangsan_kd", "zhangsan_kd")).contains("password.error.tooShort",
				"password.error.containsUsername");
		assertThat(policy.violations("zhangsan_kd", "My-ZHANGSAN_KD-2024")).containsExactly("password.error.containsUsername");
	}

}
