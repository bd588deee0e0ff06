package org.tallyrollup.sheet;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the cell records of a BIFF8 workbook stream written by POI into the ones Excel
 * writes: a NUMBER whose value an RK holds exactly becomes an RK, runs of RKs in a row
 * become one MULRK, runs of BLANKs one MULBLANK, and the first shared-string cell of a
 * given row and column an inline LABEL. Offsets in BOUNDSHEET and INDEX records are left
 * as they were; readers that go through the records in order (POI, the product) do not
 * use them.
 */
final class ExcelRecords {

	private static final int NUMBER = 0x0203;

	private static final int RK = 0x027E;

	private static final int MUL_RK = 0x00BD;

	private static final int BLANK = 0x0201;

	private static final int MUL_BLANK = 0x00BE;

	private static final int LABEL_SST = 0x00FD;

	private static final int LABEL = 0x0204;

	private record Rec(int sid, byte[] body) {

		int row() {
			return u16(this.body, 0);
		}

		int column() {
			return u16(this.body, 2);
		}

	}

	private ExcelRecords() {
	}

	/** Receives each record of a stream: its id, and where its body starts and ends. */
	@FunctionalInterface
	interface RecordVisitor {

		void record(int sid, int body, int length);

	}

	/** Goes through the records of a BIFF8 workbook stream, in order. */
	static void forEach(byte[] stream, RecordVisitor visitor) {
		for (int at = 0; at + 4 <= stream.length;) {
			int length = u16(stream, at + 2);
			visitor.record(u16(stream, at), at + 4, length);
			at += 4 + length;
		}
	}

	/**
	 * @param label the text of the cell at row 1, column 1, written as an inline LABEL
	 */
	static byte[] rewrite(byte[] stream, String label) {
		List<Rec> records = new ArrayList<>();
		forEach(stream, (sid, body, length) -> records
			.add(toExcel(new Rec(sid, java.util.Arrays.copyOfRange(stream, body, body + length)), label)));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < records.size();) {
			Rec record = records.get(i);
			int run = run(records, i);
			if ((record.sid() == RK || record.sid() == BLANK) && run > 1) {
				write(out, merge(records.subList(i, i + run)));
				i += run;
			}
			else {
				write(out, record);
				i++;
			}
		}
		return out.toByteArray();
	}

	private static Rec toExcel(Rec record, String label) {
		if (record.sid() == NUMBER) {
			double value = ByteBuffer.wrap(record.body(), 6, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble();
			Integer rk = rk(value);
			if (rk != null) {
				ByteBuffer body = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
				body.put(record.body(), 0, 6).putInt(rk);
				return new Rec(RK, body.array());
			}
		}
		if (record.sid() == LABEL_SST && record.row() == 1 && record.column() == 1) {
			byte[] text = label.getBytes(StandardCharsets.UTF_16LE);
			ByteBuffer body = ByteBuffer.allocate(9 + text.length).order(ByteOrder.LITTLE_ENDIAN);
			body.put(record.body(), 0, 6).putShort((short) label.length()).put((byte) 1).put(text);
			return new Rec(LABEL, body.array());
		}
		return record;
	}

	/**
	 * The RK form of a value when it holds it exactly: an integer, or hundredths of one.
	 */
	private static Integer rk(double value) {
		if (value == Math.rint(value) && Math.abs(value) < (1 << 29)) {
			return ((int) value << 2) | 2;
		}
		long hundredths = Math.round(value * 100);
		if (hundredths / 100.0 == value && Math.abs(hundredths) < (1 << 29)) {
			return ((int) hundredths << 2) | 3;
		}
		return null;
	}

	private static int run(List<Rec> records, int from) {
		Rec first = records.get(from);
		int run = 1;
		while (from + run < records.size()) {
			Rec next = records.get(from + run);
			if (next.sid() != first.sid() || next.row() != first.row() || next.column() != first.column() + run) {
				break;
			}
			run++;
		}
		return run;
	}

	/**
	 * MULRK: row, first column, (XF, RK) per cell, last column; MULBLANK: XF per cell.
	 */
	private static Rec merge(List<Rec> run) {
		boolean numbers = run.get(0).sid() == RK;
		ByteBuffer body = ByteBuffer.allocate(6 + run.size() * (numbers ? 6 : 2)).order(ByteOrder.LITTLE_ENDIAN);
		body.putShort((short) run.get(0).row()).putShort((short) run.get(0).column());
		for (Rec cell : run) {
			body.put(cell.body(), 4, 2);
			if (numbers) {
				body.put(cell.body(), 6, 4);
			}
		}
		body.putShort((short) run.get(run.size() - 1).column());
		return new Rec(numbers ? MUL_RK : MUL_BLANK, body.array());
	}

	private static void write(ByteArrayOutputStream out, Rec record) {
		ByteBuffer header = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
		header.putShort((short) record.sid()).putShort((short) record.body().length);
		out.writeBytes(header.array());
		out.writeBytes(record.body());
	}

	private static int u16(byte[] body, int at) {
		return (body.length < at + 2) ? -1 : (body[at] & 0xFF) | (body[at + 1] & 0xFF) << 8;
	}

}
