package org.tallyrollup.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tallyrollup.reading.FileItems;
import org.tallyrollup.reading.TallyItem;
import org.tallyrollup.tally.TallyFiles;
import org.tallyrollup.unit.RegistryLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutates valid .xlsx, .xls and .csv files — bit flips, truncations, zip entries swapped
 * or dropped, random edits of their XML, overwritten record lengths — and reads each
 * through the reader layer as the job does ({@link FileItems}: open, sheets, header band,
 * rows; then the row checks): every case is read or ends as F1, never another exception,
 * and in bounded time. {@value #DEFAULT_CASES} cases by default;
 * {@code -Dtally.fuzz.cases=N} runs more and {@code -Dtally.fuzz.seed=S} replays a run. A
 * failing case is kept under {@code target/fuzz-failures/}.
 */
class ReaderFuzzTests {

	static final int DEFAULT_CASES = 300;

	private static final Duration PER_CASE = Duration.ofSeconds(20);

	private static final String[] XML_PIECES = { "<", ">", "&", "\"", "'", "</row>", "<row>", "<row r=\"0\">",
			"<row r=\"1048577\">", "<c r=\"XFE1\">", "<c r=\"A1\" t=\"s\"><v>99999999</v></c>", "<v>1e400</v>",
			"<v>-0</v>", "<v>NaN</v>", " t=\"s\"", " t=\"b\"", " t=\"e\"", " s=\"4294967296\"", "<is><t>", "</t></is>",
			"&#0;", "&#xFFFF;", "&amp;", "&undefined;", "<!DOCTYPE x [<!ENTITY e \"e\">]>", "<![CDATA[", "]]>",
			"<?pi?>", "<!--", "-->", "\u0000", "\uFFFE", "单位编码", "合计", "9".repeat(40), "<sheetData>", "</sheetData>",
			"<mergeCell ref=\"A1:XFD1048576\"/>", "r:id=\"rId999\"", "Target=\"../../etc/passwd\"",
			"Target=\"worksheets/sheet1.xml\"" };

	private static final String[] CSV_PIECES = { "\"", "\"\"", ",", ";", "\t", "\n", "\r", "\r\n", "\u0000", "\uFEFF",
			"合计", "单位编码", "=1+1", "-", "１２", "9".repeat(30), "\"\n\"" };

	@TempDir
	Path dir;

	private TallyItemProcessor checker;

	@Test
	void everyMutatedFileIsReadOrUnreadableNeverAnotherFailure() throws Exception {
		// given
		List<Path> seeds = seeds();
		int cases = Integer.getInteger("tally.fuzz.cases", DEFAULT_CASES);
		long seed = Long.getLong("tally.fuzz.seed", System.nanoTime());
		Random random = new Random(seed);
		List<String> failures = new ArrayList<>();
		int read = 0;
		int unreadable = 0;
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			for (int i = 0; i < cases && failures.size() < 10; i++) {
				// when
				Path original = seeds.get(random.nextInt(seeds.size()));
				long caseSeed = random.nextLong();
				Mutant mutant = mutate(original, new Random(caseSeed));
				Path file = this.dir.resolve("case-" + i + extension(original));
				Files.write(file, mutant.bytes());
				Future<Outcome> outcome = executor.submit(() -> readAll(file));
				try {
					Outcome result = outcome.get(PER_CASE.toSeconds(), TimeUnit.SECONDS);
					read += (result == Outcome.READ) ? 1 : 0;
					unreadable += (result == Outcome.UNREADABLE) ? 1 : 0;
				}
				catch (ExecutionException ex) {
					failures.add(keep(file, i, caseSeed, original, mutant, ex.getCause()));
				}
				catch (TimeoutException ex) {
					outcome.cancel(true);
					executor.shutdownNow();
					executor = Executors.newSingleThreadExecutor();
					failures.add(keep(file, i, caseSeed, original, mutant, ex));
				}
				Files.delete(file);
			}
		}
		finally {
			executor.shutdownNow();
		}
		// then
		assertThat(failures).as("seed %d: %d read, %d unreadable", seed, read, unreadable).isEmpty();
		assertThat(read + unreadable).isEqualTo(cases);
	}

	/** Reads and checks a file as the job does; an F1 is the file's last item. */
	private Outcome readAll(Path file) {
		try (FileItems items = new FileItems(0, new TallyFiles.Entry(file, file.getFileName().toString(), null),
				GeneratedInput.PERIOD)) {
			TallyItem last = null;
			while (items.hasNext()) {
				last = this.checker.process(items.next());
			}
			return (last instanceof TallyItem.FileFailed) ? Outcome.UNREADABLE : Outcome.READ;
		}
	}

	private List<Path> seeds() throws IOException {
		List<Path> seeds = new ArrayList<>();
		Path generated = GeneratedInput.create(this.dir.resolve("seeds"));
		this.checker = new TallyItemProcessor(RegistryLoader.load(generated).registry(), GeneratedInput.PERIOD);
		try (Stream<Path> files = Stream.concat(Files.walk(generated.resolve(GeneratedInput.PERIOD)),
				Files.walk(Path.of("input", "2023-11")))) {
			files.filter(Files::isRegularFile)
				.filter((p) -> !p.getFileName().toString().startsWith("~$"))
				.filter((p) -> extension(p).matches("\\.(xlsx|xls|csv)"))
				.forEach(seeds::add);
		}
		Collections.sort(seeds);
		return seeds;
	}

	private static Mutant mutate(Path original, Random random) throws IOException {
		byte[] bytes = Files.readAllBytes(original);
		String extension = extension(original);
		int kind = random.nextInt(extension.equals(".xlsx") ? 7 : 4);
		return switch (kind) {
			case 0 -> new Mutant("bit flips", flipBits(bytes, random));
			case 1 -> new Mutant("truncation", Arrays.copyOf(bytes, random.nextInt(bytes.length + 1)));
			case 2 -> new Mutant("overwritten numbers", overwriteShorts(bytes, random));
			case 3 -> extension.equals(".csv") ? new Mutant("text edits", editText(bytes, CSV_PIECES, random))
					: new Mutant("duplicated block", duplicateBlock(bytes, random));
			case 4 -> new Mutant("zip entries swapped", rezip(bytes, random, Edit.SWAP));
			case 5 -> new Mutant("zip entry dropped", rezip(bytes, random, Edit.DROP));
			default -> new Mutant("XML edits", rezip(bytes, random, Edit.XML));
		};
	}

	private static byte[] flipBits(byte[] bytes, Random random) {
		byte[] copy = bytes.clone();
		int flips = 1 + random.nextInt(12);
		for (int i = 0; i < flips && copy.length > 0; i++) {
			copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
		}
		return copy;
	}

	private static byte[] overwriteShorts(byte[] bytes, Random random) {
		byte[] copy = bytes.clone();
		int[] values = { 0x0000, 0xFFFF, 0x7FFF, 0x8000, 0x2020, 0x0001 };
		for (int i = 0; i < 1 + random.nextInt(6) && copy.length > 1; i++) {
			int at = random.nextInt(copy.length - 1);
			int value = values[random.nextInt(values.length)];
			copy[at] = (byte) value;
			copy[at + 1] = (byte) (value >>> 8);
		}
		return copy;
	}

	private static byte[] duplicateBlock(byte[] bytes, Random random) {
		if (bytes.length < 2) {
			return bytes;
		}
		int from = random.nextInt(bytes.length);
		int length = 1 + random.nextInt(Math.min(4096, bytes.length - from));
		int to = random.nextInt(bytes.length);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(bytes, 0, to);
		out.write(bytes, from, length);
		out.write(bytes, to, bytes.length - to);
		return out.toByteArray();
	}

	private static byte[] editText(byte[] bytes, String[] pieces, Random random) {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		StringBuilder edited = new StringBuilder(text);
		for (int i = 0; i < 1 + random.nextInt(8); i++) {
			int at = random.nextInt(edited.length() + 1);
			switch (random.nextInt(3)) {
				case 0 ->
					edited.insert(at, new String(pieces[random.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8),
							StandardCharsets.ISO_8859_1));
				case 1 -> edited.delete(at, Math.min(edited.length(), at + 1 + random.nextInt(64)));
				default -> {
					int from = random.nextInt(edited.length() + 1);
					String slice = edited.substring(from, Math.min(edited.length(), from + random.nextInt(256)));
					edited.insert(at, slice);
				}
			}
		}
		return edited.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	private enum Edit {

		SWAP, DROP, XML

	}

	private static byte[] rezip(byte[] bytes, Random random, Edit edit) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		catch (IOException ex) {
			// a seed that is damaged already
			return flipBits(bytes, random);
		}
		List<String> names = new ArrayList<>(entries.keySet());
		if (names.isEmpty()) {
			return bytes;
		}
		String name = names.get(random.nextInt(names.size()));
		switch (edit) {
			case SWAP -> {
				String other = names.get(random.nextInt(names.size()));
				byte[] first = entries.get(name);
				entries.put(name, entries.get(other));
				entries.put(other, first);
			}
			case DROP -> entries.remove(name);
			default -> entries.put(name, editText(entries.get(name), XML_PIECES, random));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	private static String keep(Path file, int index, long caseSeed, Path original, Mutant mutant, Throwable failure)
			throws IOException {
		Path kept = Path.of("target", "fuzz-failures").resolve("case-" + index + "-" + caseSeed + extension(file));
		Files.createDirectories(kept.getParent());
		Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
		StringBuilder trace = new StringBuilder();
		for (StackTraceElement element : failure.getStackTrace()) {
			if (trace.length() > 600) {
				break;
			}
			trace.append("\n    at ").append(element);
		}
		return String.format(Locale.ROOT, "%s of %s (kept as %s): %s%s", mutant.description(), original, kept, failure,
				trace);
	}

	private static String extension(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return (dot < 0) ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
	}

	private enum Outcome {

		READ, UNREADABLE

	}

	private record Mutant(String description, byte[] bytes) {
	}

}
