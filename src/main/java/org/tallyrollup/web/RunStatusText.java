package org.tallyrollup.web;

import java.util.Map;

import org.springframework.batch.core.BatchStatus;

/** Run statuses and job steps in the words of the office. */
final class RunStatusText {

	private static final Map<BatchStatus, String> STATUS = Map.of(BatchStatus.STARTING, "等待开始", BatchStatus.STARTED,
			"正在汇总", BatchStatus.STOPPING, "正在停止", BatchStatus.STOPPED, "已停止", BatchStatus.FAILED, "失败",
			BatchStatus.COMPLETED, "已完成", BatchStatus.ABANDONED, "已放弃", BatchStatus.UNKNOWN, "状态不明");

	/** resolveDuplicates: a step of earlier versions, which rollUp now does. */
	private static final Map<String, String> STEPS = Map.of("loadRegistry", "正在读取单位名册", "readTallies", "正在读取统计表",
			"resolveDuplicates", "正在处理重复报送", "rollUp", "正在处理重复报送并逐级汇总", "writeWorkbook", "正在写出汇总表");

	private RunStatusText() {
	}

	static String of(BatchStatus status) {
		return STATUS.getOrDefault(status, status.name());
	}

	static String ofStep(String stepName) {
		return STEPS.getOrDefault(stepName, stepName);
	}

}
