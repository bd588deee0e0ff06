package org.tallyrollup.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rates as a reader sees them: a percentage with two decimals, as a cell formatted
 * {@code 0.00%} shows it and as a report quotes it.
 */
public final class Rates {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Rates() {
	}

	/**
	 * {@code part / whole} in percent, rounded half up to two decimals (exactly, not
	 * through a double); {@code null} where {@code whole} is 0.
	 */
	public static BigDecimal percent(long part, long whole) {
		if (whole == 0) {
			return null;
		}
		return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
	}

}
