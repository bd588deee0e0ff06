package org.tallyrollup.sheet;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Renders cell values as text the same way for every format, as {@link RawRow} describes:
 * integral numbers as digits, other numbers as plain decimals, dates as
 * {@code yyyy-MM-dd} (with a time part {@code yyyy-MM-dd HH:mm:ss}), booleans as
 * {@code TRUE}/{@code FALSE}.
 */
final class CellText {

	/**
	 * Excel shows and computes with at most 15 significant digits; a value such as
	 * 12.000000000000002 left by floating-point arithmetic in a formula is shown as 12.
	 */
	private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);

	private static final long SECONDS_PER_DAY = 86_400;

	private static final long NANOS_PER_DAY = SECONDS_PER_DAY * 1_000_000_000L;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private CellText() {
	}

	/**
	 * A number stored as text in a file (an .xlsx {@code <v>}): digits are returned as
	 * they are; anything else goes through {@link #number(double)}, and text that is not
	 * a number at all is returned unchanged.
	 */
	static String number(String raw) {
		int length = raw.length();
		if (isPlainInteger(raw, length)) {
			return raw;
		}
		if (length > 2 && raw.charAt(length - 2) == '.' && raw.charAt(length - 1) == '0'
				&& isPlainInteger(raw, length - 2)) {
			// "12.0", as POI and some other producers write integers
			return raw.substring(0, length - 2);
		}
		double value;
		try {
			value = Double.parseDouble(raw);
		}
		catch (NumberFormatException ex) {
			return raw;
		}
		return number(value);
	}

	/**
	 * Whether the first {@code length} characters are digits only, at most 15 of them,
	 * with no leading zero (except "0" itself).
	 */
	private static boolean isPlainInteger(String raw, int length) {
		if (length == 0 || length > 15 || (raw.charAt(0) == '0' && length > 1)) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = raw.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	static String number(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "#NUM!";
		}
		if (value == 0) {
			return "0";
		}
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		BigDecimal decimal = BigDecimal.valueOf(value).round(EXCEL_PRECISION).stripTrailingZeros();
		if (decimal.signum() == 0) {
			return "0";
		}
		return decimal.toPlainString();
	}

	/** A date-formatted number; a value that is no valid Excel date is a number. */
	static String date(double value, boolean date1904) {
		if (!DateUtil.isValidExcelDate(value)) {
			return number(value);
		}
		LocalDateTime dateTime = DateUtil.getLocalDateTime(value, date1904, true);
		if (dateTime == null) {
			return number(value);
		}
		return format(dateTime);
	}

	static String format(LocalDateTime dateTime) {
		if (dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)) {
			return DATE.format(dateTime);
		}
		return DATE_TIME.format(dateTime);
	}

	/**
	 * An ISO 8601 value as an .xlsx cell of type {@code d} holds it, rendered as a date
	 * cell of the same value would be: a date, a date and time (fractions of a second, of
	 * any number of digits, rounded to the second as Excel shows them), a time of day or
	 * a duration (both as the serial number they stand for, in the workbook's date
	 * system). Text that is none of these is returned as it is.
	 */
	static String isoDate(String raw, boolean date1904) {
		String text = raw.trim();
		try {
			if (text.startsWith("P") || text.startsWith("-P")) {
				Duration duration = Duration.parse(text);
				return date(duration.toNanos() / (double) NANOS_PER_DAY, date1904);
			}
			text = withoutZone(text);
			int t = text.indexOf('T');
			if (t < 0 && text.indexOf(':') < 0) {
				return DATE.format(LocalDate.parse(text));
			}
			if (t <= 0) {
				LocalTime time = LocalTime.parse(toSeconds(text.substring(t + 1)));
				return date(time.toSecondOfDay() / (double) SECONDS_PER_DAY, date1904);
			}
			return format(LocalDateTime.parse(text.substring(0, t + 1) + toSeconds(text.substring(t + 1))));
		}
		catch (DateTimeParseException | ArithmeticException ex) {
			return raw;
		}
	}

	/** The text without a trailing {@code Z} or UTC offset: Excel keeps local times. */
	private static String withoutZone(String text) {
		if (text.endsWith("Z") || text.endsWith("z")) {
			return text.substring(0, text.length() - 1);
		}
		int colon = text.lastIndexOf(':');
		int sign = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
		if (text.indexOf('T') >= 0 && sign > text.indexOf('T') && colon > sign) {
			return text.substring(0, sign);
		}
		return text;
	}

	/**
	 * A time {@code HH:mm[:ss[.f…]]} rounded to the second: {@code LocalTime} takes at
	 * most nine digits of a fraction, and Excel shows none.
	 */
	private static String toSeconds(String time) {
		int dot = time.indexOf('.');
		if (dot < 0) {
			return time;
		}
		String fraction = time.substring(dot + 1);
		for (int i = 0; i < fraction.length(); i++) {
			if (!Character.isDigit(fraction.charAt(i))) {
				throw new DateTimeParseException("not a fraction of a second", time, dot + 1 + i);
			}
		}
		LocalTime whole = LocalTime.parse(time.substring(0, dot));
		if (!fraction.isEmpty() && fraction.charAt(0) >= '5') {
			if (whole.equals(LocalTime.MAX.withNano(0))) {
				// 23:59:59.5 rounds into the next day, which a time of day cannot show
				return "23:59:59";
			}
			whole = whole.plusSeconds(1);
		}
		return whole.toString().length() == 5 ? whole + ":00" : whole.toString();
	}

	static String bool(boolean value) {
		return value ? "TRUE" : "FALSE";
	}

	/**
	 * Whether a number format shows a date or a time. Besides what POI recognises, the
	 * built-in formats 27–36 and 50–58 are dates in the Chinese, Japanese and Korean
	 * versions of Excel (e.g. 31 is {@code yyyy"年"m"月"d"日"}); a file saved there refers
	 * to them by number only.
	 */
	static boolean isDateFormat(int formatIndex, String formatString) {
		if (((formatIndex >= 27 && formatIndex <= 36) || (formatIndex >= 50 && formatIndex <= 58))
				&& (formatString == null || formatString.startsWith("reserved"))) {
			return true;
		}
		return formatString != null && DateUtil.isADateFormat(formatIndex, formatString);
	}

	/**
	 * Decodes the {@code _xHHHH_} escapes Office Open XML uses for control characters in
	 * text ({@code _x000D_} for a carriage return, {@code _x005F_} for an underscore).
	 */
	static String decodeOoxmlEscapes(String text) {
		int start = text.indexOf("_x");
		if (start < 0) {
			return text;
		}
		StringBuilder out = null;
		int copied = 0;
		int i = start;
		while (i >= 0 && i + 7 <= text.length()) {
			if (text.charAt(i + 6) == '_' && isHex(text, i + 2, i + 6)) {
				if (out == null) {
					out = new StringBuilder(text.length());
				}
				out.append(text, copied, i).append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
				copied = i + 7;
				i = text.indexOf("_x", copied);
			}
			else {
				i = text.indexOf("_x", i + 1);
			}
		}
		if (out == null) {
			return text;
		}
		return out.append(text, copied, text.length()).toString();
	}

	private static boolean isHex(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (Character.digit(text.charAt(i), 16) < 0) {
				return false;
			}
		}
		return true;
	}

}
