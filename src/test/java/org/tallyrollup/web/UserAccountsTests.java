package org.tallyrollup.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import org.tallyrollup.web.WebProperties.Account;
import org.tallyrollup.web.WebProperties.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class UserAccountsTests {

	private static final String CLERK_HASH = "$2a$10$nY0FzWCGXh7F0jYU9Gg3ceTBi5ZPb2S4tKO5H9ioCPLNFD00q7wXy";

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	@TempDir
	Path data;

	@Test
	void usersFromConfigurationKeepTheirHashAndRole() {
		List<UserDetails> users = accounts().load(Map.of("clerk", new Account("{bcrypt}" + CLERK_HASH, Role.VIEWER),
				"boss", new Account(CLERK_HASH, Role.ADMIN)), new MockEnvironment());

		assertThat(users).extracting(UserDetails::getUsername).containsExactlyInAnyOrder("clerk", "boss");
		assertThat(user(users, "clerk").getPassword()).isEqualTo("{bcrypt}" + CLERK_HASH);
		assertThat(this.encoder.matches("clerk-secret", user(users, "boss").getPassword())).isTrue();
		assertThat(roles(user(users, "boss"))).containsExactly("ROLE_ADMIN");
		assertThat(roles(user(users, "clerk"))).containsExactly("ROLE_VIEWER");
		assertThat(this.data).isEmptyDirectory();
	}

	@Test
	void aPlainTextOrNoopPasswordInConfigurationIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(
					() -> accounts().load(Map.of("clerk", new Account("secret", Role.VIEWER)), new MockEnvironment()))
			.withMessageContaining("tally.web.users.clerk.password")
			.withMessageContaining("哈希");
		assertThatIllegalStateException().isThrownBy(() -> accounts()
			.load(Map.of("clerk", new Account("{noop}secret", Role.VIEWER)), new MockEnvironment()));
	}

	@Test
	void theEnvironmentCreatesAdminAndViewerWithHashedPasswords() {
		MockEnvironment environment = new MockEnvironment().withProperty("TALLY_ADMIN_PASSWORD", "a-secret")
			.withProperty("TALLY_VIEWER_PASSWORD", "v-secret");

		List<UserDetails> users = accounts().load(Map.of(), environment);

		assertThat(user(users, "admin").getPassword()).startsWith("{bcrypt}").doesNotContain("a-secret");
		assertThat(this.encoder.matches("a-secret", user(users, "admin").getPassword())).isTrue();
		assertThat(this.encoder.matches("v-secret", user(users, "viewer").getPassword())).isTrue();
		assertThat(roles(user(users, "admin"))).containsExactly("ROLE_ADMIN");
		assertThat(roles(user(users, "viewer"))).containsExactly("ROLE_VIEWER");
	}

	@Test
	void withNoUserTheFirstStartCreatesAdminWithARandomPasswordAndLaterStartsKeepIt() throws Exception {
		List<UserDetails> first = accounts().load(Map.of(), new MockEnvironment());
		Path kept = this.data.resolve(UserAccounts.GENERATED_FILE);

		assertThat(first).extracting(UserDetails::getUsername).containsExactly("admin");
		assertThat(roles(first.get(0))).containsExactly("ROLE_ADMIN");
		assertThat(Files.readString(kept).trim()).isEqualTo(first.get(0).getPassword()).startsWith("{bcrypt}$2");
		List<UserDetails> second = accounts().load(Map.of(), new MockEnvironment());
		assertThat(second.get(0).getPassword()).isEqualTo(first.get(0).getPassword());
		assertThat(new UserAccounts(this.encoder, Files.createTempDirectory(this.data, "other"))
			.load(Map.of(), new MockEnvironment())
			.get(0)
			.getPassword()).isNotEqualTo(first.get(0).getPassword());
	}

	private UserAccounts accounts() {
		return new UserAccounts(this.encoder, this.data);
	}

	private static UserDetails user(List<UserDetails> users, String name) {
		return users.stream().filter((u) -> u.getUsername().equals(name)).findFirst().orElseThrow();
	}

	private static List<String> roles(UserDetails user) {
		return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
	}

}
