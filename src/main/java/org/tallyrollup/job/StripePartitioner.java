package org.tallyrollup.job;

import org.tallyrollup.run.RollupJob;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Shares the files of a period among workers by stripes of the sorted file list: worker
 * {@code i} of {@code n} reads files {@code i, i + n, i + 2n…}. Fixed, so a restarted
 * worker reads exactly the files it had.
 */
class StripePartitioner implements Partitioner {

	static final String PARTITION = RollupJob.PARTITION;

	static final String PARTITIONS = RollupJob.PARTITIONS;

	/**
	 * The name of worker {@code i}'s partition (its step is named {@code worker:name}).
	 */
	static String stripeName(int i) {
		return RollupJob.stripeName(i);
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		for (int i = 0; i < gridSize; i++) {
			ExecutionContext context = new ExecutionContext();
			context.putInt(PARTITION, i);
			context.putInt(PARTITIONS, gridSize);
			partitions.put(stripeName(i), context);
		}
		return partitions;
	}

}
