package org.tallyrollup.web;

import java.io.ByteArrayOutputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import org.tallyrollup.tally.PeriodFolders;
import org.tallyrollup.template.TemplateContent;
import org.tallyrollup.template.TemplateService;

/**
 * Sends a 填报模板 for a unit of the registry, named like the workbook download: the Chinese
 * file name for browsers, an ASCII one for old clients. The template is written in full
 * before anything is sent, so that a failure is answered with an error rather than half a
 * file.
 */
@Component
class Templates {

	private static final int MAX_UNIT_CODE = 64;

	private final TemplateService templates;

	Templates(TemplateService templates) {
		this.templates = templates;
	}

	/**
	 * @param unit the unit code
	 * @param period the period label, {@code null} or blank for the latest period folder
	 * @throws BadTemplateRequestException if the unit code is missing or malformed
	 * @throws BadPeriodException if the period is not letters, digits and {@code -}
	 * @throws org.tallyrollup.template.TemplateRefusedException if there is no such unit
	 * or nothing to report under it
	 * @throws org.tallyrollup.unit.InvalidRegistryException if the registry is broken
	 */
	ResponseEntity<byte[]> download(String unit, String period) {
		String code = (unit != null) ? unit.trim() : "";
		if (code.isEmpty()) {
			throw new BadTemplateRequestException("请填写单位编码");
		}
		if (code.length() > MAX_UNIT_CODE || code.codePoints().anyMatch(Character::isISOControl)) {
			throw new BadTemplateRequestException("单位编码“" + abbreviate(code) + "”无效");
		}
		String label = (period == null || period.isBlank()) ? null : period.trim();
		if (label != null && !PeriodFolders.isValidLabel(label)) {
			throw new BadPeriodException(label);
		}
		TemplateContent content = this.templates.content(code, label);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		this.templates.write(content, bytes);
		String name = this.templates.fileName(content);
		return ResponseEntity.ok()
			.contentType(Workbooks.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					Workbooks.attachment(name, content.unitCode() + "_" + content.period() + "_template.xlsx"))
			.body(bytes.toByteArray());
	}

	private static String abbreviate(String code) {
		String printable = code.replaceAll("\\p{Cntrl}", "?");
		return (printable.length() > 20) ? printable.substring(0, 20) + "…" : printable;
	}

	/** A unit code missing or not one at all: answered with 400. */
	static class BadTemplateRequestException extends RuntimeException {

		BadTemplateRequestException(String message) {
			super(message);
		}

	}

}
