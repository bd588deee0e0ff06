package org.tallyrollup.workbook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkbookSheetsTests {

	@Test
	void namesTheContinuationsOfASheet() {
		// given
		String sheet = WorkbookSheets.DETAILS;
		// when
		String first = WorkbookSheets.partName(sheet, 1);
		String third = WorkbookSheets.partName(sheet, 3);
		// then
		assertThat(first).isEqualTo("明细");
		assertThat(third).isEqualTo("明细(3)");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkbookSheets.partName(sheet, 0));
	}

	@Test
	void recognisesASheetAndItsContinuations() {
		// given
		String sheet = WorkbookSheets.DETAILS;
		// when / then
		assertThat(WorkbookSheets.isPartOf("明细", sheet)).isTrue();
		assertThat(WorkbookSheets.isPartOf("明细(2)", sheet)).isTrue();
		assertThat(WorkbookSheets.isPartOf("明细(12)", sheet)).isTrue();
		assertThat(WorkbookSheets.isPartOf("明细(1)", sheet)).isFalse();
		assertThat(WorkbookSheets.isPartOf("明细(0)", sheet)).isFalse();
		assertThat(WorkbookSheets.isPartOf("明细（2）", sheet)).isFalse();
		assertThat(WorkbookSheets.isPartOf("明细(99999999999)", sheet)).isFalse();
		assertThat(WorkbookSheets.isPartOf("分级汇总(2)", WorkbookSheets.SUMMARY)).isFalse();
		assertThat(WorkbookSheets.isPartOf("汇总(2)", WorkbookSheets.SUMMARY)).isTrue();
		assertThat(WorkbookSheets.isPartOf(null, sheet)).isFalse();
	}

}
