package org.pomegranate.account.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pomegranate.account.demo.DemoAccounts;
import org.pomegranate.account.signin.PasswordPolicy.PasswordContext;

class PasswordPolicyTests {

	private static final PasswordContext KD_STAFF = new PasswordContext("kd_staff", "康定市填报员", "康定市");

	private final PasswordPolicy policy = new PasswordPolicy(false);

	private final PasswordPolicy demoPolicy = new PasswordPolicy(true);

	@Test
	void shipsCommonPasswordsWithThousandsOfLongOnes() {
		assertThat(policy.commonPasswordCount()).isGreaterThanOrEqualTo(45_000);
		assertThat(policy.commonPasswordsOfAtLeast(PasswordPolicy.MINIMUM_LENGTH)).isGreaterThanOrEqualTo(3_500);
	}

	@Test
	void acceptsALongHardToGuessPasswordWithoutThePersonsWords() {
		assertThat(policy.violations("Kangding-Flow-2024", KD_STAFF)).isEmpty();
		assertThat(policy.violations("Zq8#pW2!vR7m", KD_STAFF)).isEmpty();
		assertThat(policy.violations("民族团结进步创建示范县工作", KD_STAFF)).isEmpty();
	}

	/** The examples of issue 10, each accepted before. */
	@Test
	void refusesLongButGuessablePasswords() {
		assertThat(policy.violations("password1234", KD_STAFF)).containsExactly("password.error.common");
		assertThat(policy.violations("qwertyuiop12", KD_STAFF)).containsExactly("password.error.common");
		assertThat(policy.violations("123456789012", KD_STAFF)).containsAnyOf("password.error.common",
				"password.error.weak");
		assertThat(policy.violations("aaaaaaaaaaaa", KD_STAFF)).containsExactly("password.error.weak");
		assertThat(policy.violations("PASSWORD1234", KD_STAFF)).containsExactly("password.error.common");
		assertThat(policy.violations("Password-1234", KD_STAFF)).containsExactly("password.error.weak");
	}

	@Test
	void refusesBlankAndWhitespaceOnlyPasswords() {
		assertThat(policy.violations("", KD_STAFF)).containsExactly("password.error.blank");
		assertThat(policy.violations(" ".repeat(12), KD_STAFF)).containsExactly("password.error.blank");
		assertThat(policy.violations("\t\u3000 \n".repeat(4), KD_STAFF)).containsExactly("password.error.blank");
		assertThat(demoPolicy.violations(" ".repeat(12), KD_STAFF)).containsExactly("password.error.blank");
	}

	@Test
	void refusesTheReadmeDemoPasswordOutsideTheDemoDatabaseOnly() {
		assertThat(policy.violations(DemoAccounts.PASSWORD, KD_STAFF)).containsExactly("password.error.demoPassword");
		assertThat(policy.violations("SHILIUZI-2024!", KD_STAFF)).containsExactly("password.error.demoPassword");
		assertThat(demoPolicy.violations(DemoAccounts.PASSWORD, KD_STAFF)).isEmpty();
	}

	@Test
	void refusesThePasswordContainingTheUserNameForwardsOrBackwards() {
		var zhangsan = new PasswordContext("zhangsan_kd", "张三", "康定市");
		assertThat(policy.violations("zhangsan_kd", zhangsan)).contains("password.error.tooShort",
				"password.error.containsUsername");
		assertThat(policy.violations("My-ZHANGSAN_KD-2024", zhangsan)).containsExactly("password.error.containsUsername");
		assertThat(policy.violations("dk_nasgnahz!", zhangsan)).containsExactly("password.error.containsUsername");
		assertThat(policy.violations("ffats_dk-2024", KD_STAFF)).containsExactly("password.error.containsUsername");
	}

	/** The person's and the app's words are known to an attacker: a password made of them is weak. */
	@Test
	void theRealNameTheRegionAndShiliuziCountAsKnownWords() {
		var stranger = new PasswordContext("someone", "某人", "某地");
		var zhang = new PasswordContext("zxm_kd", "Zhangxiaoming", "康定市");
		assertThat(policy.violations("Zhangxiaoming-88!", stranger)).isEmpty();
		assertThat(policy.violations("Zhangxiaoming-88!", zhang)).containsExactly("password.error.weak");
		assertThat(policy.score("康定市康定市康定市-88", zhang)).isLessThan(policy.score("康定市康定市康定市-88", stranger));
		// 石榴籽 and shiliuzi for everyone: the same shape with an unknown word passes.
		assertThat(policy.violations("Shiliuzi-2025!", stranger)).containsExactly("password.error.weak");
		assertThat(policy.violations("Qomolangz-2025!", stranger)).isEmpty();
	}

	@Test
	void refusesShortPasswordsCountingCharactersNotBytes() {
		assertThat(policy.violations("Ab3$efgh1kL", KD_STAFF)).containsExactly("password.error.tooShort");
		assertThat(policy.violations("民族团结进步创建工作石", KD_STAFF)).containsExactly("password.error.tooShort");
	}

	@Test
	void refusesCommonPasswordsWhateverTheirCase() {
		assertThat(policy.violations("unbelievable", KD_STAFF)).containsExactly("password.error.common");
		assertThat(policy.violations("Scandinavian", KD_STAFF)).containsExactly("password.error.common");
		assertThat(policy.violations("password", KD_STAFF)).contains("password.error.tooShort", "password.error.common");
	}

}
