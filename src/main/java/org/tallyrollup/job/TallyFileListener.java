package org.tallyrollup.job;

/**
 * Told as a read worker opens each tally file. The job registers every bean of this type;
 * the application itself has none (tests use one to stop a run at a known file).
 */
public interface TallyFileListener {

	/**
	 * @param fileNo the file's position in the period's file list
	 */
	void opening(int fileNo);

}
