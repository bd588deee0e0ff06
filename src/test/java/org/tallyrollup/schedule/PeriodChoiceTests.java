package org.tallyrollup.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PeriodChoiceTests {

	private static final ZonedDateTime NIGHT = ZonedDateTime.of(2023, 11, 8, 2, 0, 0, 0, ZoneId.of("Asia/Shanghai"));

	@TempDir
	Path input;

	@Test
	void latestIsTheLastPeriodFolderByLabel() throws Exception {
		Files.createDirectories(this.input.resolve("2023-10"));
		Files.createDirectories(this.input.resolve("2023-11"));
		Files.createDirectories(this.input.resolve("not a period"));

		assertThat(PeriodChoice.resolve("latest", this.input, NIGHT)).contains("2023-11");
		assertThat(PeriodChoice.resolve(" LATEST ", this.input, NIGHT)).contains("2023-11");
	}

	@Test
	void latestFindsNothingInAnEmptyFolder() {
		assertThat(PeriodChoice.resolve("latest", this.input, NIGHT)).isEmpty();
	}

	@Test
	void aDatePatternIsReadOnTheDayOfTheRun() {
		assertThat(PeriodChoice.resolve("{yyyy-MM}", this.input, NIGHT)).contains("2023-11");
		assertThat(PeriodChoice.resolve("{yyyy-MM-dd}", this.input, NIGHT)).contains("2023-11-08");
		assertThat(PeriodChoice.resolve("{yyyy}-Q{Q}", this.input, NIGHT)).contains("2023-Q4");
	}

	@Test
	void aFixedLabelIsTakenAsItIs() {
		assertThat(PeriodChoice.resolve("2023-W45", this.input, NIGHT)).contains("2023-W45");
	}

	@Test
	void aRuleGivingNoValidLabelIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> PeriodChoice.resolve("../x", this.input, NIGHT));
		assertThatIllegalArgumentException().isThrownBy(() -> PeriodChoice.resolve("{yyyy/MM}", this.input, NIGHT));
	}

}
