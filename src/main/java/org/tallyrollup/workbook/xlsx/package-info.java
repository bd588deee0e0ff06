/**
 * A small streaming writer of SpreadsheetML (.xlsx): rows go straight into the ZIP as
 * they are written, one sheet after another, strings inline, with the handful of features
 * an office's printed table needs (styles, merged cells, frozen panes, an autofilter, row
 * outlines, print setup). It writes what the consolidated workbook needs and nothing
 * else; Apache POI reads what it writes, in the tests.
 */
package org.tallyrollup.workbook.xlsx;
