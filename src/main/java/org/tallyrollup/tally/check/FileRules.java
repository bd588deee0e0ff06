package org.tallyrollup.tally.check;

import java.util.List;

import org.tallyrollup.tally.Finding;
import org.tallyrollup.tally.Rule;
import org.tallyrollup.tally.TallyColumn;

/**
 * F1 and F2, the checks of a whole file or sheet: the job finds that a file cannot be
 * read (F1: {@code UnreadableFileException} and its reason) or a sheet's header lacks a
 * required column (F2) as it opens them; the findings it records are made here.
 */
public final class FileRules {

	private FileRules() {
	}

	/**
	 * F1: the file is not read at all; {@code reason} says why, as the clerk acts on it.
	 */
	public static Finding unreadable(String file, String reason) {
		return Finding.ofFile(Rule.F1, file, "文件无法读取：" + reason);
	}

	/** F1 with a message of its own (a file the job refuses for what it is). */
	public static Finding refused(String file, String message) {
		return Finding.ofFile(Rule.F1, file, message);
	}

	/** F2: the sheet's header lacks required columns; the sheet is not read. */
	public static Finding missingColumns(String file, String sheet, List<TallyColumn> missing) {
		List<String> names = missing.stream().map(TallyColumn::header).toList();
		return Finding.ofSheet(Rule.F2, file, sheet, "表头缺少必填列：" + String.join("、", names) + "，整张工作表未读取");
	}

}
