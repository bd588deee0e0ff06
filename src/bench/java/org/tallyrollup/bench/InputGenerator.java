package org.tallyrollup.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.tallyrollup.bench.BenchSize.Rates;
import org.tallyrollup.bench.CsvTally.Dialect;
import org.tallyrollup.bench.RowMaker.Submission;

/**
 * Writes a size's synthetic inputs to the data contract (SPEC.md §2): a registry and one
 * period folder holding what the sub-units send, in the mix a province gets — four in
 * five files .xlsx, three in twenty .csv (GBK as Excel saves it, UTF-8, tab-separated
 * exports), one in twenty legacy .xls; titles, two-row headers, 栏次 rows, 合计 rows and
 * footers; a low rate of bad rows, corrections, late files, silent units, broken files
 * and lock files. Everything follows from the size's seed, so the same version writes the
 * same inputs. What a job must find is kept in the {@link Manifest}.
 */
final class InputGenerator {

	/** Bump when the inputs change: cached inputs of another version are not reused. */
	static final int VERSION = 1;

	static final String TALLY_FILE_NATIONAL = "全国主题教育检视整改进展统计.csv";

	private static final Instant SENT = Instant.parse("2024-06-07T01:00:00Z");

	private final BenchSize size;

	private final Path folder;

	private final Path input;

	private final Path period;

	private final SplittableRandom random;

	private final RowMaker rows;

	private final Expected expected = new Expected();

	private final Set<String> names = new HashSet<>();

	private long units;

	private long mustReport;

	private long summaryRows;

	private int files;

	private int xlsx;

	private int xls;

	private int csv;

	private int csvGbk;

	private int late;

	private int broken;

	private int locks;

	private int skippedFiles;

	private int skippedSheets;

	private int largeFiles;

	private int silentFiles;

	InputGenerator(BenchSize size, Path folder) {
		this.size = size;
		this.folder = folder;
		this.input = folder.resolve("input");
		this.period = this.input.resolve(BenchSize.PERIOD);
		this.random = new SplittableRandom(size.seed() ^ 0x5EED_5EEDL);
		this.rows = new RowMaker(this.random, size.rates());
	}

	/** Where a size's inputs are cached under the work folder. */
	static Path folderFor(Path work, BenchSize size) {
		return work.resolve("inputs").resolve(size.label() + "-g" + VERSION);
	}

	/** The cached inputs, written first if they are missing or incomplete. */
	static Manifest ensure(Path work, BenchSize size, PrintStream log) throws Exception {
		Path folder = folderFor(work, size);
		if (Files.exists(folder.resolve(Manifest.FILE))) {
			log.println("[bench] " + size.label() + ": reusing inputs in " + folder);
			return Manifest.read(folder);
		}
		log.println("[bench] " + size.label() + ": generating inputs in " + folder + " …");
		long start = System.nanoTime();
		Manifest manifest = new InputGenerator(size, folder).generate();
		log.printf("[bench] %s: %s units, %s files, %s data rows generated in %.1f s%n", size.label(),
				manifest.get("units"), manifest.get("files.tally"), manifest.get("rows.data"),
				(System.nanoTime() - start) / 1e9);
		return manifest;
	}

	Manifest generate() throws Exception {
		deleteTree(this.folder);
		Files.createDirectories(this.period);
		try (CsvTally registry = new CsvTally(this.input.resolve("units.csv"), Dialect.EXCEL_UTF8)) {
			registry.line(List.of("单位编码", "单位名称", "上级单位编码", "单位类别", "需报送"));
			if (this.size.national()) {
				try (CsvTally tallies = new CsvTally(this.period.resolve(TALLY_FILE_NATIONAL), Dialect.EXPORT_COMMA)) {
					tallies.line(Template.EXPORT.columns().stream().map(Template.Col::upper).toList());
					new Hierarchy(this.size).walk(new Visitor(registry) {
						private int seq = 1;

						@Override
						public void submitter(List<Unit> ancestors, Unit submitter, List<Unit> branches)
								throws IOException {
							if (silent()) {
								return;
							}
							Submission submission = InputGenerator.this.rows.make(submitter, branches, Template.EXPORT,
									ownRow());
							for (TallyRow row : submission.rows()) {
								tallies.row(Template.EXPORT.columns(), row, this.seq++);
							}
							InputGenerator.this.expected.add(submission.expected());
						}
					});
				}
				this.files = 1;
				this.csv = 1;
			}
			else {
				new Hierarchy(this.size).walk(new Visitor(registry) {
					@Override
					public void submitter(List<Unit> ancestors, Unit submitter, List<Unit> branches)
							throws IOException {
						if (!silent()) {
							file(ancestors, submitter, branches);
						}
					}
				});
				Files.write(this.period.resolve("填报通知.pdf"),
						"%PDF-1.4\n% 关于报送主题教育检视整改进展统计表的通知\n%%EOF\n".getBytes(StandardCharsets.UTF_8));
				this.skippedFiles++;
			}
		}
		return manifest();
	}

	private boolean silent() {
		boolean silent = this.random.nextDouble() < this.size.rates().silentFile();
		if (silent) {
			this.silentFiles++;
		}
		return silent;
	}

	private boolean ownRow() {
		return this.random.nextDouble() < this.size.rates().ownRow();
	}

	/**
	 * One submitting unit's file, and now and then a late one and a lock file beside it.
	 */
	private void file(List<Unit> ancestors, Unit submitter, List<Unit> branches) throws IOException {
		Rates rates = this.size.rates();
		int index = this.files++;
		int position = (index * 7) % 20;
		boolean large = rates.largeBranches() > 0 && branches.size() >= rates.largeBranches();
		Path folder = this.period;
		for (Unit ancestor : ancestors.subList(1, ancestors.size())) {
			folder = folder.resolve(stem(ancestor.name()));
		}
		String stem = stem(submitter.name());
		Template template;
		Path file;
		String format;
		if (!large && position == 14) {
			template = Template.LEGACY;
			format = "xls";
			file = unique(folder, stem + "统计表", ".xls");
		}
		else if (!large && (position == 3 || position == 7 || position == 17)) {
			Dialect dialect = switch (this.csv % 3) {
				case 0 -> Dialect.EXCEL_GBK;
				case 1 -> Dialect.EXCEL_UTF8;
				default -> Dialect.EXPORT_TAB;
			};
			template = switch (this.csv % 3) {
				case 0 -> Template.SIMPLE;
				case 1 -> Template.ALIASES;
				default -> Template.EXPORT;
			};
			format = dialect.id();
			file = unique(folder, stem, ".csv");
		}
		else {
			template = large ? Template.EXPORT : switch (this.xlsx % 5) {
				case 0, 1 -> Template.GROUPED;
				case 2 -> Template.SIMPLE;
				case 3 -> Template.ALIASES;
				default -> Template.EXPORT;
			};
			format = "xlsx";
			file = unique(folder, stem + "主题教育统计表", ".xlsx");
		}
		Submission submission = this.rows.make(submitter, branches, template, ownRow());
		boolean stale = template.totals() && this.random.nextDouble() < rates.staleTotal();
		TallySheet sheet = new TallySheet(template, submitter.name(), submission.rows(), stale);
		boolean breaks = format.equals("xlsx") && !large && index % rates.brokenEvery() == rates.brokenEvery() / 2;
		switch (format) {
			case "xls" -> {
				boolean hidden = this.xls++ % 2 == 0;
				XlsTally.write(sheet, file, hidden);
				this.skippedSheets += hidden ? 1 : 0;
			}
			case "xlsx" -> {
				boolean notes = template == Template.GROUPED && this.xlsx % 10 == 0;
				this.xlsx++;
				this.largeFiles += large ? 1 : 0;
				XlsxTally.write(sheet, file, notes);
				this.skippedSheets += (notes && !breaks) ? 1 : 0;
				if (this.xlsx % rates.lockEvery() == 1) {
					lockFile(file);
				}
			}
			default -> {
				this.csvGbk += format.equals(Dialect.EXCEL_GBK.id()) ? 1 : 0;
				this.csv++;
				CsvTally.write(sheet, file, (format.equals(Dialect.EXCEL_GBK.id())) ? Dialect.EXCEL_GBK
						: format.equals(Dialect.EXCEL_UTF8.id()) ? Dialect.EXCEL_UTF8 : Dialect.EXPORT_TAB);
			}
		}
		Files.setLastModifiedTime(file, FileTime.from(SENT.plusSeconds(37L * index)));
		if (breaks) {
			byte[] whole = Files.readAllBytes(file);
			Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
			this.broken++;
			return;
		}
		this.expected.add(submission.expected());
		if (stale) {
			this.expected.finding("W4");
		}
		if (!submission.resendable().isEmpty() && this.random.nextDouble() < rates.lateFile()) {
			lateFile(folder, stem, submitter, submission.resendable(), index);
		}
	}

	/** 补报: a few rows sent again, corrected, in a file sent two days later. */
	private void lateFile(Path folder, String stem, Unit submitter, List<TallyRow> resendable, int index)
			throws IOException {
		int count = Math.min(resendable.size(), this.random.nextInt(1, 4));
		List<TallyRow> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(RowMaker.corrected(resendable.get(i * resendable.size() / count), "补报更正"));
			this.expected.superseded++;
			this.expected.finding("W3");
		}
		Path file = unique(folder, stem + "_补报", ".xlsx");
		XlsxTally.write(new TallySheet(Template.LATE, submitter.name(), rows, false), file, false);
		Files.setLastModifiedTime(file, FileTime.from(SENT.plusSeconds(2 * 86_400L + index)));
		this.xlsx++;
		this.late++;
	}

	/** The owner file Excel leaves beside a workbook someone has open. */
	private void lockFile(Path file) throws IOException {
		byte[] bytes = new byte[165];
		byte[] user = "zhangwei".getBytes(StandardCharsets.US_ASCII);
		bytes[0] = (byte) user.length;
		System.arraycopy(user, 0, bytes, 1, user.length);
		Files.write(file.resolveSibling("~$" + file.getFileName()), bytes);
		this.locks++;
		this.skippedFiles++;
	}

	private Path unique(Path folder, String stem, String extension) {
		String name = stem + extension;
		for (int n = 2; !this.names.add(folder.resolve(name).toString()); n++) {
			name = stem + "（" + n + "）" + extension;
		}
		return folder.resolve(name);
	}

	private static String stem(String name) {
		return name.startsWith("中共") ? name.substring(2) : name;
	}

	private Manifest manifest() throws IOException {
		Manifest manifest = Manifest.of(this.expected);
		manifest.put("size", this.size.label());
		manifest.put("generator.version", VERSION);
		manifest.put("period", BenchSize.PERIOD);
		manifest.put("units", this.units);
		manifest.put("levels", this.size.depth());
		manifest.put("level.widths", levelWidths());
		manifest.put("units.mustReport", this.mustReport);
		manifest.put("units.missing", this.mustReport - this.expected.reported);
		manifest.put("units.summaryRows", this.summaryRows);
		manifest.put("files.tally", this.files + this.late);
		manifest.put("files.read", this.files + this.late - this.broken);
		manifest.put("files.failed", this.broken);
		manifest.put("files.skipped", this.skippedFiles);
		manifest.put("files.silent", this.silentFiles);
		manifest.put("files.xlsx", this.xlsx);
		manifest.put("files.xlsx.large", this.largeFiles);
		manifest.put("files.xls", this.xls);
		manifest.put("files.csv", this.csv);
		manifest.put("files.csv.gbk", this.csvGbk);
		manifest.put("files.late", this.late);
		manifest.put("files.locks", this.locks);
		manifest.put("sheets.skipped", this.skippedSheets);
		manifest.put("national", this.size.national());
		if (this.size.national()) {
			manifest.put("national.csv", BenchSize.PERIOD + "/" + TALLY_FILE_NATIONAL);
		}
		manifest.put("bytes.input", bytes(this.input));
		manifest.write(this.folder);
		return manifest;
	}

	private String levelWidths() {
		StringBuilder widths = new StringBuilder().append(this.size.root().length());
		for (BenchSize.Level level : this.size.levels()) {
			widths.append(',').append(level.width());
		}
		return widths.toString();
	}

	private static long bytes(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(Files::isRegularFile).mapToLong((path) -> path.toFile().length()).sum();
		}
	}

	static void deleteTree(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/** Writes the registry and counts units on the way. */
	private abstract class Visitor implements Hierarchy.Visitor {

		private final CsvTally registry;

		Visitor(CsvTally registry) {
			this.registry = registry;
		}

		@Override
		public void unit(Unit unit) throws IOException {
			this.registry.line(List.of(unit.code(), unit.name(), unit.parent(), unit.type(), unit.reports()));
			InputGenerator.this.units++;
			if (unit.level() <= 2) {
				InputGenerator.this.summaryRows++;
			}
			if (unit.mustReport(unit.level() == InputGenerator.this.size.depth())) {
				InputGenerator.this.mustReport++;
			}
		}

	}

}
