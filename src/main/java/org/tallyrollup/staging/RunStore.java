package org.tallyrollup.staging;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The facts of each run stored beside its rows (TR_RUN): its period, its registry, the
 * run it is compared with (较上期) and the workbook it wrote.
 */
@Repository
public class RunStore {

	private final JdbcTemplate jdbc;

	RunStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Saves a run's facts, with the layout its totals are stored under (the current
	 * columns').
	 * @param previousInstance the job instance of the run compared with, {@code null} for
	 * none
	 */
	public void save(long instance, String period, String registryFile, String registrySha256, long unitCount,
			Long previousInstance, String previousPeriod) {
		this.jdbc.update("DELETE FROM TR_RUN WHERE INSTANCE_ID = ?", instance);
		this.jdbc.update(
				"INSERT INTO TR_RUN (INSTANCE_ID, PERIOD, REGISTRY_FILE, REGISTRY_SHA256, UNIT_COUNT, PREVIOUS_INSTANCE_ID, PREVIOUS_PERIOD, TOTALS_LAYOUT) VALUES (?,?,?,?,?,?,?,?)",
				instance, period, registryFile, registrySha256, unitCount, previousInstance, previousPeriod,
				Counts.LAYOUT);
	}

	/** The periods of the runs stored (completed or not), in no particular order. */
	public List<String> storedPeriods() {
		return this.jdbc.queryForList("SELECT DISTINCT PERIOD FROM TR_RUN", String.class);
	}

	/** The job instances of the runs of a period stored (completed or not). */
	public List<Long> instancesOf(String period) {
		return this.jdbc.queryForList("SELECT INSTANCE_ID FROM TR_RUN WHERE PERIOD = ?", Long.class, period);
	}

	public void saveWorkbook(long instance, String workbook) {
		this.jdbc.update("UPDATE TR_RUN SET WORKBOOK = ? WHERE INSTANCE_ID = ?", workbook, instance);
	}

	/** The run's facts, {@code null} before its roll-up stored them. */
	public StagedRun run(long instance) {
		List<StagedRun> runs = this.jdbc.query(
				"SELECT PERIOD, REGISTRY_FILE, REGISTRY_SHA256, UNIT_COUNT, WORKBOOK, PREVIOUS_INSTANCE_ID, PREVIOUS_PERIOD FROM TR_RUN WHERE INSTANCE_ID = ?",
				(rs, i) -> new StagedRun(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
						rs.getString(5), rs.getObject(6, Long.class), rs.getString(7)),
				instance);
		return runs.isEmpty() ? null : runs.get(0);
	}

	/** The runs of the period that wrote a workbook, the newest first. */
	public List<Long> runsWithWorkbook(String period) {
		return this.jdbc.queryForList(
				"SELECT INSTANCE_ID FROM TR_RUN WHERE PERIOD = ? AND WORKBOOK IS NOT NULL ORDER BY INSTANCE_ID DESC",
				Long.class, period);
	}

	public void deleteInstance(long instance) {
		this.jdbc.update("DELETE FROM TR_RUN WHERE INSTANCE_ID = ?", instance);
	}

	/**
	 * The facts of a run stored beside its rows, with the run it is compared with (较上期):
	 * {@code null} where there was none.
	 */
	public record StagedRun(String period, String registryFile, String registrySha256, long unitCount, String workbook,
			Long previousInstance, String previousPeriod) {
	}

}
