package org.tallyrollup.workbook;

import java.io.OutputStream;

/**
 * Wraps the stream the workbook's temporary file is written through. The job uses a bean
 * of this type if there is one; the application itself has none (tests use one to stop a
 * run with the file half written).
 */
@FunctionalInterface
public interface WorkbookStreamDecorator {

	WorkbookStreamDecorator NONE = (out) -> out;

	OutputStream decorate(OutputStream out);

}
