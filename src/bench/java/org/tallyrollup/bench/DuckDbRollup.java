package org.tallyrollup.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.tallyrollup.tally.TallyColumn;

/**
 * What a user might do instead of the job: DuckDB reads the national CSV and sums every
 * count with {@code GROUP BY ROLLUP} over the level codes (prefixes of 单位编码). It checks
 * nothing: no registry, no rules, no duplicates; a cell it cannot read as a number counts
 * as nothing. Loaded through JDBC by name, so the driver is needed only on the
 * benchmark's class path ({@code -Pbench}), never by the product.
 *
 * <p>
 * {@code DuckDbRollup <csv> <level widths, e.g. 2,2,2,2,3,3> <output.csv> <memory limit>}
 * prints {@code DUCKDB groups=… ms=…}.
 */
public final class DuckDbRollup {

	static final String DRIVER = "org.duckdb.DuckDBDriver";

	public static void main(String[] args) throws Exception {
		Path csv = Path.of(args[0]).toAbsolutePath();
		String[] widths = args[1].split(",");
		Path output = Path.of(args[2]).toAbsolutePath();
		String memory = (args.length > 3) ? args[3] : "4GB";
		long start = System.nanoTime();
		Class.forName(DRIVER);
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			statement.execute("SET memory_limit = '" + memory + "'");
			statement.execute("COPY (" + query(csv, widths) + ") TO '" + quote(output) + "' (HEADER)");
			long groups;
			try (ResultSet result = statement
				.executeQuery("SELECT count(*) FROM read_csv('" + quote(output) + "', header = true)")) {
				result.next();
				groups = result.getLong(1);
			}
			System.out.printf(Locale.ROOT, "DUCKDB groups=%d ms=%d%n", groups, (System.nanoTime() - start) / 1_000_000);
		}
	}

	static boolean available() {
		try {
			Class.forName(DRIVER, false, DuckDbRollup.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	static String query(Path csv, String[] widths) {
		List<String> levels = new ArrayList<>();
		int length = 0;
		for (int i = 0; i < widths.length; i++) {
			length += Integer.parseInt(widths[i].trim());
			levels.add("substr(\"单位编码\", 1, " + length + ") AS l" + (i + 1));
		}
		String sums = TallyColumn.COUNTS.stream()
			.map((c) -> "sum(try_cast(\"" + c.header() + "\" AS BIGINT)) AS \"" + c.header() + "\"")
			.collect(Collectors.joining(", "));
		String keys = levels.stream().map((l) -> l.substring(l.lastIndexOf(' ') + 1)).collect(Collectors.joining(", "));
		return "SELECT " + String.join(", ", levels) + ", count(*) AS rows, " + sums + " FROM read_csv('" + quote(csv)
				+ "', header = true, all_varchar = true) GROUP BY ROLLUP (" + keys + ") ORDER BY " + keys;
	}

	private static String quote(Path path) {
		return path.toString().replace("'", "''");
	}

}
