-- Staging tables of the roll-up job, keyed by the Spring Batch job instance, so that a
-- restarted run continues where it stopped and never counts a row twice. Portable SQL
-- (H2 and PostgreSQL).
--
-- This is the schema as the last release before Flyway left it (staging-schema.sql, run at
-- every start). Every statement holds on a database that already has it, or an older
-- form of it (a job repository of an earlier release is baselined at version 0, so this
-- runs there too, and brings it up to date).

CREATE TABLE IF NOT EXISTS TR_FILE (
	INSTANCE_ID BIGINT NOT NULL,
	FILE_NO INT NOT NULL,
	PATH VARCHAR(2000) NOT NULL,
	SIZE_BYTES BIGINT NOT NULL,
	SHA256 VARCHAR(64),
	MODIFIED_NANOS BIGINT NOT NULL,
	STATUS VARCHAR(16) NOT NULL,
	REASON VARCHAR(2000),
	ACCEPTED BIGINT DEFAULT 0 NOT NULL,
	REJECTED BIGINT DEFAULT 0 NOT NULL,
	SUPERSEDED BIGINT DEFAULT 0 NOT NULL,
	SKIPPED BIGINT DEFAULT 0 NOT NULL,
	PRIMARY KEY (INSTANCE_ID, FILE_NO)
);

CREATE TABLE IF NOT EXISTS TR_SKIP (
	INSTANCE_ID BIGINT NOT NULL,
	FILE_NO INT NOT NULL,
	SEQ INT NOT NULL,
	FILE_PATH VARCHAR(2000) NOT NULL,
	SHEET VARCHAR(255),
	REASON VARCHAR(2000) NOT NULL,
	PRIMARY KEY (INSTANCE_ID, FILE_NO, SEQ)
);

-- A run's rows are in a table of its own, TR_ROW_<job instance>, made by the job as it
-- starts and dropped once the workbook holds them (see staging/RowStore.prepare).
-- Versions before kept them all in TR_ROW; V3 moves them over.


CREATE TABLE IF NOT EXISTS TR_FINDING (
	INSTANCE_ID BIGINT NOT NULL,
	FILE_NO INT NOT NULL,
	SHEET_INDEX INT NOT NULL,
	ROW_NO INT NOT NULL,
	SEQ INT NOT NULL,
	RULE_CODE VARCHAR(4) NOT NULL,
	FILE_PATH VARCHAR(2000) NOT NULL,
	SHEET VARCHAR(255),
	UNIT_CODE VARCHAR(255),
	COLUMN_NAME VARCHAR(255),
	RAW_VALUE VARCHAR(2000),
	MESSAGE VARCHAR(4000) NOT NULL,
	PRIMARY KEY (INSTANCE_ID, FILE_NO, SHEET_INDEX, ROW_NO, SEQ)
);

CREATE TABLE IF NOT EXISTS TR_TOTAL (
	INSTANCE_ID BIGINT NOT NULL,
	POS INT NOT NULL,
	UNIT_CODE VARCHAR(255) NOT NULL,
	UNIT_NAME VARCHAR(1000) NOT NULL,
	LEVEL_NO INT NOT NULL,
	PARENT_CODE VARCHAR(255),
	PARENT_NAME VARCHAR(1000),
	MUST_REPORT BOOLEAN NOT NULL,
	HAS_ROW BOOLEAN NOT NULL,
	TOTALS VARCHAR(1000) NOT NULL,
	EXPECTED BIGINT NOT NULL,
	REPORTED BIGINT NOT NULL,
	PRIMARY KEY (INSTANCE_ID, POS)
);

CREATE TABLE IF NOT EXISTS TR_RUN (
	INSTANCE_ID BIGINT NOT NULL PRIMARY KEY,
	PERIOD VARCHAR(64) NOT NULL,
	REGISTRY_FILE VARCHAR(255) NOT NULL,
	REGISTRY_SHA256 VARCHAR(64) NOT NULL,
	UNIT_COUNT BIGINT NOT NULL,
	WORKBOOK VARCHAR(2000)
);

-- Columns added after the first release: ALTER keeps an existing job repository usable.
ALTER TABLE TR_FILE ADD COLUMN IF NOT EXISTS NOTE VARCHAR(2000);
ALTER TABLE TR_RUN ADD COLUMN IF NOT EXISTS PREVIOUS_INSTANCE_ID BIGINT;
ALTER TABLE TR_RUN ADD COLUMN IF NOT EXISTS PREVIOUS_PERIOD VARCHAR(64);
-- 较上期: where the unit stood in the previous run's totals (its POS there), so that the
-- two runs are joined by their primary keys. Versions before joined by unit code with an
-- index, TR_TOTAL_UNIT; V4 fills PREV_POS in with its help and drops it.
ALTER TABLE TR_TOTAL ADD COLUMN IF NOT EXISTS PREV_POS INT;
CREATE INDEX IF NOT EXISTS TR_RUN_PERIOD ON TR_RUN (PERIOD);

-- Who runs each job execution, so that an execution left STARTED by a process that died
-- (kill -9, a power cut) can be told from one still running: the host and process, and a
-- heartbeat the process renews while it runs (epoch milliseconds).
CREATE TABLE IF NOT EXISTS TR_EXECUTION (
	EXECUTION_ID BIGINT NOT NULL PRIMARY KEY,
	INSTANCE_ID BIGINT NOT NULL,
	HOST VARCHAR(255) NOT NULL,
	PID BIGINT NOT NULL,
	PROCESS_START BIGINT,
	HEARTBEAT BIGINT NOT NULL
);

-- A period being launched: held from the check that no run of the period is going until
-- its job execution exists, so that two servers (or two administrators on two servers)
-- starting the same period at the same moment start it once. SINCE is epoch milliseconds.
CREATE TABLE IF NOT EXISTS TR_LAUNCH (
	PERIOD VARCHAR(64) NOT NULL PRIMARY KEY,
	HOLDER VARCHAR(255) NOT NULL,
	SINCE BIGINT NOT NULL
);
