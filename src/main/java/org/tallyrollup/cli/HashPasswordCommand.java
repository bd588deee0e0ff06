package org.tallyrollup.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Arrays;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code hash-password}: asks for a password (or reads one line from standard input) and
 * prints its bcrypt hash, as {@code tally.web.users.<name>.password} wants it.
 */
public final class HashPasswordCommand {

	private HashPasswordCommand() {
	}

	public static int run(PrintStream out, PrintStream err) {
		String password;
		Console console = System.console();
		if (console != null) {
			char[] first = console.readPassword("密码：");
			char[] second = console.readPassword("再输一次：");
			if (first == null || second == null || !Arrays.equals(first, second)) {
				err.println("错误：两次输入的密码不一致");
				return 1;
			}
			password = new String(first);
		}
		else {
			try {
				password = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())).readLine();
			}
			catch (IOException ex) {
				err.println("错误：无法读取密码：" + ex.getMessage());
				return 1;
			}
		}
		if (password == null || password.isEmpty()) {
			err.println("错误：密码不能为空");
			return 1;
		}
		out.println("{bcrypt}" + new BCryptPasswordEncoder().encode(password));
		return 0;
	}

}
