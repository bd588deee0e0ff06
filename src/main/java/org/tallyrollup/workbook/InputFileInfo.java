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
 * @param status 已读取, 无法读取 (F1)…
 */
public record InputFileInfo(String path, long size, String sha256, String modified, long accepted, long rejected,
		long superseded, long skipped, String status) {

	public long rowsRead() {
		return this.accepted + this.rejected + this.superseded + this.skipped;
	}

}
