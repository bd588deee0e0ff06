package org.tallyrollup.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The registry most job tests use: two roots, four levels, a unit with children that must
 * report (0101, 需报送 是) and a leaf that need not (01020103, 否).
 *
 * <pre>
 * 01 东州市委                      (default: has children, need not report)
 *   0101 东城区委                  是
 *     010101 东城区第一党支部
 *     010102 东城区第二党支部
 *   0102 西城区委
 *     010201 西城街道党工委
 *       01020101 西城街道第一党支部
 *       01020102 西城街道第二党支部
 *       01020103 西城街道临时党支部  否
 *   0103 开发区机关党支部
 * 9 北县县委
 *   101 北县第一党支部
 *   102 北县第二党支部
 * </pre>
 *
 * Eight units must report: 0101, 010101, 010102, 01020101, 01020102, 0103, 101 and 102.
 */
final class StandardRegistry {

	static final List<String> LINES = List.of("单位编码,单位名称,上级单位编码,单位类别,需报送", "01,东州市委,,市委,", "0101,东城区委,01,区委,是",
			"010101,东城区第一党支部,0101,党支部,", "010102,东城区第二党支部,0101,党支部,", "0102,西城区委,01,区委,", "010201,西城街道党工委,0102,党委,",
			"01020101,西城街道第一党支部,010201,党支部,", "01020102,西城街道第二党支部,010201,党支部,", "01020103,西城街道临时党支部,010201,党支部,否",
			"0103,开发区机关党支部,01,党支部,", "9,北县县委,,县委,", "101,北县第一党支部,9,党支部,", "102,北县第二党支部,9,党支部,");

	/** The codes in hierarchy order. */
	static final List<String> HIERARCHY = List.of("01", "0101", "010101", "010102", "0102", "010201", "01020101",
			"01020102", "01020103", "0103", "9", "101", "102");

	private StandardRegistry() {
	}

	static InputFolder input(Path root) {
		return new InputFolder(root).registry(LINES.toArray(String[]::new));
	}

	static String sha256(Path file) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
