package org.tallyrollup.job;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A workbook standing where a run will write, as an earlier run would have left it. */
final class PreviousWorkbook {

	private PreviousWorkbook() {
	}

	/** Writes it and returns its bytes. */
	static byte[] place(Path target) throws IOException {
		Files.createDirectories(target.getParent());
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(target)) {
			workbook.createSheet("汇总").createRow(0).createCell(0).setCellValue("上一次的汇总");
			workbook.write(out);
		}
		return Files.readAllBytes(target);
	}

}
