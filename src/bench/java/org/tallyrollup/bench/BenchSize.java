package org.tallyrollup.bench;

import java.util.List;
import java.util.Locale;

/**
 * The sizes the benchmark runs at. A folder size is a hierarchy whose second-lowest level
 * sends one tally file each (what a city or a province collects); a national size is a
 * registry and one CSV export of every unit's row.
 *
 * @param label the name used on the command line and in the table
 * @param root the root's code
 * @param rootName the root's name
 * @param levels the levels under the root, the last one the reporting branches
 * @param national one CSV for everything rather than a file per submitting unit
 * @param xmx the heap the job and the floor run with
 * @param rates how often the generator plants each kind of fault
 */
record BenchSize(String label, String root, String rootName, List<Level> levels, boolean national, String xmx,
		Rates rates) {

	static final String PERIOD = "2024-W23";

	static final String PREVIOUS_PERIOD = "2024-W22";

	static final BenchSize TINY = new BenchSize("tiny", "51", "中共青州市委", List.of(new Level(Kind.DISTRICT, 2, 3, 3),
			new Level(Kind.SUBMITTER, 2, 5, 5), new Level(Kind.BRANCH, 2, 8, 16)), false, "256m", Rates.BOOSTED);

	static final BenchSize CITY = new BenchSize("city", "3205", "中共江州市委", List.of(new Level(Kind.DISTRICT, 2, 10, 10),
			new Level(Kind.SUBMITTER, 2, 17, 17), new Level(Kind.BRANCH, 2, 4, 12)), false, "512m", Rates.REAL);

	static final BenchSize PROVINCE = new BenchSize("province", "44", "中共岭南省委",
			List.of(new Level(Kind.CITY, 2, 14, 14), new Level(Kind.DISTRICT, 2, 10, 10),
					new Level(Kind.SUBMITTER, 3, 71, 71), new Level(Kind.BRANCH, 4, 4, 14)),
			false, "512m", Rates.REAL);

	/** The national shape at a thousand units: proves the national path in the tests. */
	static final BenchSize NATIONAL_TINY = new BenchSize("national-tiny", "00", "中共中央组织部",
			List.of(new Level(Kind.PROVINCE, 2, 2, 2), new Level(Kind.CITY, 2, 2, 2), new Level(Kind.DISTRICT, 2, 2, 2),
					new Level(Kind.SUBMITTER, 3, 5, 5), new Level(Kind.BRANCH, 3, 8, 25)),
			true, "256m", Rates.BOOSTED);

	static final BenchSize NATIONAL_1M = national("national-1m", 19);

	static final BenchSize NATIONAL = national("national", 95);

	static final List<BenchSize> ALL = List.of(TINY, NATIONAL_TINY, CITY, PROVINCE, NATIONAL_1M, NATIONAL);

	private static BenchSize national(String label, int submittersPerDistrict) {
		return new BenchSize(label, "00", "中共中央组织部",
				List.of(new Level(Kind.PROVINCE, 2, 31, 31), new Level(Kind.CITY, 2, 10, 10),
						new Level(Kind.DISTRICT, 2, 10, 10),
						new Level(Kind.SUBMITTER, 3, submittersPerDistrict, submittersPerDistrict),
						new Level(Kind.BRANCH, 3, 8, 25)),
				true, "4g", Rates.REAL);
	}

	static BenchSize of(String label) {
		String wanted = label.trim().toLowerCase(Locale.ROOT);
		return ALL.stream()
			.filter((size) -> size.label.equals(wanted))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"Unknown size " + label + "; one of " + ALL.stream().map(BenchSize::label).toList()));
	}

	/** The seed of everything random in this size's inputs. */
	long seed() {
		return 0x7A11_0000L + this.label.hashCode();
	}

	/** Levels in the hierarchy, the root included. */
	int depth() {
		return this.levels.size() + 1;
	}

	/** What a level's units are, for their names and 单位类别. */
	enum Kind {

		PROVINCE, CITY, DISTRICT, SUBMITTER, BRANCH

	}

	/**
	 * @param kind what its units are
	 * @param width digits its units add to their parent's code
	 * @param min fewest children per parent
	 * @param max most children per parent
	 */
	record Level(Kind kind, int width, int min, int max) {

	}

	/**
	 * Chances per row (or per file) of what a province really gets.
	 *
	 * @param badRow a row breaking one rule (R1–R6)
	 * @param correction a row corrected further down the same file (W3)
	 * @param wrongName a branch's short or old name (W1)
	 * @param noMeasures issues found and no measures yet (W2)
	 * @param silentBranch a branch that sends no row
	 * @param silentFile a submitting unit that sends no file
	 * @param lateFile a second file, sent later, re-sending some rows (W3)
	 * @param staleTotal a 合计 row typed before a figure changed (W4), per totals row
	 * @param ownRow a submitting unit that adds its own row (本级)
	 * @param brokenEvery one file in this many arrives truncated (F1)
	 * @param lockEvery one .xlsx in this many has Excel's lock file beside it
	 * @param largeEvery one submitting unit in this many is a big system with
	 * {@code largeBranches} branches, sent as one large .xlsx
	 * @param largeBranches the branches of such a unit
	 */
	record Rates(double badRow, double correction, double wrongName, double noMeasures, double silentBranch,
			double silentFile, double lateFile, double staleTotal, double ownRow, int brokenEvery, int lockEvery,
			int largeEvery, int largeBranches) {

		static final Rates REAL = new Rates(0.005, 0.006, 0.004, 0.003, 0.02, 0.01, 0.02, 0.01, 0.5, 500, 200, 2000,
				1500);

		/** Enough of every fault that a few hundred rows hold each kind. */
		static final Rates BOOSTED = new Rates(0.08, 0.04, 0.03, 0.03, 0.04, 0.0, 0.2, 0.3, 0.5, 7, 5, 7, 40);

	}

}
