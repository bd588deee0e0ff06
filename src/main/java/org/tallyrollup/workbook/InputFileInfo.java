package org.tallyrollup.workbook;

/**
 * One input file of a run, as listed in 运行信息.
 *
 * @param path relative to the period folder
 * @param size in bytes
 * @param sha256 hex digest of the content
 * @param modified last-modified time, ISO-8601
 * @param accepted rows accepted
 * @param rejected rows rejected
 * @param superseded rows superseded
 * @param skipped rows skipped
 * @param status {@value #READ} or {@value #FAILED}, and what more there is to say
 */
public record InputFileInfo(String path, long size, String sha256, String modified, long accepted, long rejected,
		long superseded, long skipped, String status) {

	/** How the status of a file read starts. */
	public static final String READ = "已读取";

	/** How the status of a file that could not be read (F1) starts. */
	public static final String FAILED = "无法读取";

	public boolean failed() {
		return this.status != null && this.status.startsWith(FAILED);
	}

	public long rowsRead() {
		return this.accepted + this.rejected + this.superseded + this.skipped;
	}

}
