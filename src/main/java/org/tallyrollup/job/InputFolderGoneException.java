package org.tallyrollup.job;

import java.nio.file.Path;

/**
 * The period folder disappeared (moved, deleted, unmounted) while its files were read:
 * the run fails rather than report every file left as unreadable.
 */
class InputFolderGoneException extends RuntimeException {

	InputFolderGoneException(Path periodDir) {
		super("报告期文件夹在读取过程中不见了（被移走、删除或卸载）：" + periodDir);
	}

}
