package org.tallyrollup.sheet;

import java.io.IOException;
import java.io.InputStream;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/**
 * Where an .xlsx file's parts come from: POI's package model ({@link PackageParts}), or
 * the ZIP read straight ({@link ZipParts}).
 */
interface XlsxPartSource {

	InputStream sheet(String relationId) throws Exception;

	/** What kind of sheet the relationship points to, {@code MISSING} for none. */
	SheetInfo.Kind sheetKind(String relationId);

	/** The shared strings, or {@code null}. */
	InputStream sharedStrings() throws Exception;

	/** The styles, or {@code null}. */
	InputStream styles() throws Exception;

	/** Why a part was refused for its size, if one was. */
	default UnreadableFileException refusal() {
		return null;
	}

	void close();

	/** The parts as POI's package model finds them. */
	record PackageParts(OPCPackage pkg, BoundedPartsSource source, XSSFReader reader,
			PackagePart workbookPart) implements XlsxPartSource {

		@Override
		public UnreadableFileException refusal() {
			return this.source.refusal();
		}

		@Override
		public InputStream sheet(String relationId) throws Exception {
			return this.reader.getSheet(relationId);
		}

		@Override
		public SheetInfo.Kind sheetKind(String relationId) {
			if (relationId == null || relationId.isEmpty()) {
				return SheetInfo.Kind.MISSING;
			}
			try {
				PackageRelationship relation = this.workbookPart.getRelationship(relationId);
				if (relation == null || relation.getTargetMode() == TargetMode.EXTERNAL
						|| this.workbookPart.getRelatedPart(relation) == null) {
					return SheetInfo.Kind.MISSING;
				}
				return XlsxZipParts.sheetKindOf(relation.getRelationshipType());
			}
			catch (InvalidFormatException | RuntimeException ex) {
				return SheetInfo.Kind.MISSING;
			}
		}

		@Override
		public InputStream sharedStrings() throws Exception {
			return relatedPart("/sharedStrings");
		}

		@Override
		public InputStream styles() throws Exception {
			return relatedPart("/styles");
		}

		/**
		 * The part the workbook relates to by a relationship type ending so (transitional
		 * and strict types differ in their prefix only), or {@code null}.
		 */
		private InputStream relatedPart(String typeSuffix) throws Exception {
			for (PackageRelationship relation : this.workbookPart.getRelationships()) {
				if (relation.getRelationshipType().endsWith(typeSuffix)) {
					PackagePart part = this.workbookPart.getRelatedPart(relation);
					return (part != null) ? part.getInputStream() : null;
				}
			}
			return null;
		}

		@Override
		public void close() {
			this.pkg.revert();
		}

	}

	/** The parts read straight from the ZIP. */
	record ZipParts(XlsxZipParts zip) implements XlsxPartSource {

		@Override
		public InputStream sheet(String relationId) throws Exception {
			return this.zip.sheet(relationId);
		}

		@Override
		public SheetInfo.Kind sheetKind(String relationId) {
			return this.zip.sheetKind(relationId);
		}

		@Override
		public InputStream sharedStrings() throws Exception {
			return this.zip.sharedStrings();
		}

		@Override
		public InputStream styles() throws Exception {
			return this.zip.styles();
		}

		@Override
		public void close() {
			try {
				this.zip.close();
			}
			catch (IOException ex) {
				// opened read-only: nothing to lose
			}
		}

	}

}
