package org.tallyrollup.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tallyrollup.bench.Template.Col;
import org.tallyrollup.tally.TallyColumn;

/**
 * Writes a tally sheet as a .csv, in one of the encodings and dialects units send: GBK
 * with CRLF as Excel on a Chinese Windows saves it, UTF-8 with a BOM ("CSV UTF-8"), or a
 * system's tab-separated UTF-8 export.
 */
final class CsvTally implements AutoCloseable {

	static final Charset GBK = Charset.forName("GB18030");

	/**
	 * A CSV dialect.
	 *
	 * @param id a short name for the manifest
	 * @param charset the encoding
	 * @param bom a byte order mark first
	 * @param separator the field separator
	 * @param lineEnd the line end
	 */
	record Dialect(String id, Charset charset, boolean bom, char separator, String lineEnd) {

		static final Dialect EXCEL_GBK = new Dialect("csv-gbk", GBK, false, ',', "\r\n");

		static final Dialect EXCEL_UTF8 = new Dialect("csv-utf8", StandardCharsets.UTF_8, true, ',', "\r\n");

		static final Dialect EXPORT_TAB = new Dialect("csv-tab", StandardCharsets.UTF_8, false, '\t', "\n");

		static final Dialect EXPORT_COMMA = new Dialect("csv-export", StandardCharsets.UTF_8, false, ',', "\n");

	}

	private final Writer out;

	private final Dialect dialect;

	private final StringBuilder line = new StringBuilder(256);

	CsvTally(Path file, Dialect dialect) throws IOException {
		Files.createDirectories(file.getParent());
		this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), dialect.charset()), 1 << 16);
		this.dialect = dialect;
		if (dialect.bom()) {
			this.out.write('\ufeff');
		}
	}

	static void write(TallySheet tally, Path file, Dialect dialect) throws IOException {
		try (CsvTally csv = new CsvTally(file, dialect)) {
			csv.table(tally);
		}
	}

	void table(TallySheet tally) throws IOException {
		Template template = tally.template();
		List<Col> columns = template.columns();
		int width = columns.size();
		if (template.titled()) {
			padded(width, tally.title());
			padded(width, "填报单位：" + tally.sender());
		}
		line(columns.stream().map(Col::upper).toList());
		int seq = 1;
		for (TallyRow row : tally.rows()) {
			row(columns, row, seq++);
		}
		if (template.totals()) {
			long[] sums = tally.totals();
			List<String> fields = new ArrayList<>();
			for (int c = 0; c < width; c++) {
				TallyColumn column = columns.get(c).column();
				fields.add((c == 0) ? "合计" : (column != null && column.isCount() && c > 2)
						? String.valueOf(sums[column.countIndex()]) : "");
			}
			line(fields);
		}
		if (!template.footer().isEmpty()) {
			padded(width, "");
			for (String footer : template.footer()) {
				padded(width, footer);
			}
		}
	}

	void row(List<Col> columns, TallyRow row, int seq) throws IOException {
		this.line.setLength(0);
		for (int c = 0; c < columns.size(); c++) {
			if (c > 0) {
				this.line.append(this.dialect.separator());
			}
			TallyColumn column = columns.get(c).column();
			field((column != null) ? row.text(column) : String.valueOf(seq));
		}
		this.out.append(this.line).append(this.dialect.lineEnd());
	}

	void line(List<String> fields) throws IOException {
		this.line.setLength(0);
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				this.line.append(this.dialect.separator());
			}
			field(fields.get(i));
		}
		this.out.append(this.line).append(this.dialect.lineEnd());
	}

	private void padded(int width, String first) throws IOException {
		List<String> fields = new ArrayList<>();
		fields.add(first);
		while (fields.size() < width) {
			fields.add("");
		}
		line(fields);
	}

	private void field(String value) {
		if (value.indexOf(this.dialect.separator()) < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
			this.line.append(value);
		}
		else {
			this.line.append('"').append(value.replace("\"", "\"\"")).append('"');
		}
	}

	@Override
	public void close() throws IOException {
		this.out.close();
	}

}
