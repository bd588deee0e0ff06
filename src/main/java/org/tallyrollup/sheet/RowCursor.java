package org.tallyrollup.sheet;

import java.io.Closeable;
import java.util.Iterator;

/**
 * Streams the rows of one sheet, top to bottom, with consecutive row numbers from 1 (rows
 * a file leaves out are given as blank rows). {@link #next()} and {@link #hasNext()}
 * throw {@link UnreadableFileException} when the file turns out to be broken part-way.
 */
public interface RowCursor extends Iterator<RawRow>, Closeable {

	@Override
	void close();

}
