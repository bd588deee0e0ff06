package org.tallyrollup.sheet;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The columns a kind of sheet may have, with the names they go by. Implemented by the
 * tally sheet's and the unit registry's column tables.
 *
 * @param <C> the column type
 */
public interface ColumnSet<C> {

	/**
	 * The column a header text names.
	 * @param headerForm the text in {@link TextNormalizer#header} form
	 */
	Optional<C> match(String headerForm);

	/** Whether a row naming these columns is the header of such a sheet. */
	boolean isHeader(Collection<C> found);

	/** The required columns, in the order they are listed to a user. */
	List<C> required();

}
