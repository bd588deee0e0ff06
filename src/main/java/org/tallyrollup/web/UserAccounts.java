package org.tallyrollup.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

import org.tallyrollup.web.WebProperties.Role;

/**
 * The users who may log in. They come from {@code tally.web.users.*} (hashed passwords
 * only), and from the environment variables {@code TALLY_ADMIN_PASSWORD} and
 * {@code TALLY_VIEWER_PASSWORD}, which create {@code admin} and {@code viewer} and are
 * hashed here. With no user at all, {@code admin} gets a random password, shown once in
 * the log and kept as a hash in the data folder.
 */
final class UserAccounts {

	static final String ADMIN_PASSWORD_VARIABLE = "TALLY_ADMIN_PASSWORD";

	static final String VIEWER_PASSWORD_VARIABLE = "TALLY_VIEWER_PASSWORD";

	static final String GENERATED_FILE = "admin-password.bcrypt";

	private static final Logger logger = LoggerFactory.getLogger(UserAccounts.class);

	private static final Pattern BARE_BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

	private static final Pattern ENCODED = Pattern.compile("\\{(?!noop\\})[a-z0-9@-]+\\}.+");

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private final PasswordEncoder encoder;

	private final Path dataDir;

	UserAccounts(PasswordEncoder encoder, Path dataDir) {
		this.encoder = encoder;
		this.dataDir = dataDir;
	}

	List<UserDetails> load(Map<String, WebProperties.Account> configured, Environment environment) {
		Map<String, UserDetails> users = new LinkedHashMap<>();
		configured.forEach((name, account) -> users.put(name, user(name, hash(name, account), account.role())));
		fromEnvironment(environment, ADMIN_PASSWORD_VARIABLE, "admin", Role.ADMIN, users);
		fromEnvironment(environment, VIEWER_PASSWORD_VARIABLE, "viewer", Role.VIEWER, users);
		if (users.isEmpty()) {
			users.put("admin", user("admin", generatedAdminHash(), Role.ADMIN));
		}
		return List.copyOf(users.values());
	}

	private void fromEnvironment(Environment environment, String variable, String name, Role role,
			Map<String, UserDetails> users) {
		String password = environment.getProperty(variable);
		if (password != null && !password.isBlank()) {
			users.put(name, user(name, this.encoder.encode(password), role));
		}
	}

	private static String hash(String name, WebProperties.Account account) {
		String password = (account.password() != null) ? account.password().trim() : "";
		if (BARE_BCRYPT.matcher(password).matches()) {
			return "{bcrypt}" + password;
		}
		if (ENCODED.matcher(password).matches()) {
			return password;
		}
		throw new IllegalStateException("tally.web.users." + name
				+ ".password 必须是密码的哈希值（如 {bcrypt}$2a$10$…，可用 java -jar tally-rollup.jar hash-password 生成），不能是明文");
	}

	private static UserDetails user(String name, String hash, Role role) {
		return User.withUsername(name).password(hash).roles(role.name()).build();
	}

	/** The first start with no user creates admin; later starts find its hash. */
	private String generatedAdminHash() {
		Path file = this.dataDir.resolve(GENERATED_FILE);
		try {
			if (Files.isRegularFile(file)) {
				String hash = Files.readString(file, StandardCharsets.UTF_8).trim();
				if (!hash.isEmpty()) {
					logger.info("未配置用户，使用首次启动时创建的管理员 admin（密码的哈希值在 {}）", file);
					return hash;
				}
			}
			String password = randomPassword();
			String hash = this.encoder.encode(password);
			Files.createDirectories(this.dataDir);
			Files.writeString(file, hash + "\n", StandardCharsets.UTF_8);
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			logger.warn("""

					未配置任何用户，已创建管理员 admin，初始密码：{}
					这个密码只显示这一次。要改用自己的密码，请设置环境变量 {}（或 tally.web.users.*），\
					并删除 {}""", password, ADMIN_PASSWORD_VARIABLE, file);
			return hash;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法保存管理员密码的哈希值：" + file, ex);
		}
	}

	private static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
