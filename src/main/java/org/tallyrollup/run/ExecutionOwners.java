package org.tallyrollup.run;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.tallyrollup.system.TallyProperties;

/**
 * Records which process runs each job execution (host, process id and start, and a
 * heartbeat renewed while it runs), so that an execution the job repository still calls
 * STARTED can be told dead or alive: on this host by its process, elsewhere by its
 * heartbeat.
 */
@Component
@Order(1)
class ExecutionOwners implements JobExecutionListener, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ExecutionOwners.class);

	private static final long PROCESS_START_TOLERANCE_MILLIS = 2000;

	static final String HOST = host();

	private final JdbcTemplate jdbc;

	private final Duration heartbeat;

	private final Duration staleAfter;

	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	private final LaunchLocks locks;

	private ScheduledExecutorService beats;

	ExecutionOwners(JdbcTemplate jdbc, TallyProperties properties, LaunchLocks locks) {
		this.jdbc = jdbc;
		this.locks = locks;
		this.heartbeat = properties.heartbeatOrDefault();
		this.staleAfter = properties.staleAfterOrDefault();
	}

	@Override
	public void beforeJob(JobExecution execution) {
		ProcessHandle self = ProcessHandle.current();
		this.jdbc.update("DELETE FROM TR_EXECUTION WHERE EXECUTION_ID = ?", execution.getId());
		this.jdbc.update(
				"INSERT INTO TR_EXECUTION (EXECUTION_ID, INSTANCE_ID, HOST, PID, PROCESS_START, HEARTBEAT) VALUES (?,?,?,?,?,?)",
				execution.getId(), execution.getJobInstanceId(), HOST, self.pid(), processStart(self).orElse(null),
				System.currentTimeMillis());
		this.running.add(execution.getId());
		startBeating();
		// the execution exists: other processes see the run now, the launch lock can go
		String period = execution.getJobParameters().getString(RunParameters.PERIOD);
		if (period != null) {
			this.locks.release(period);
		}
	}

	@Override
	public void afterJob(JobExecution execution) {
		this.running.remove(execution.getId());
		this.jdbc.update("DELETE FROM TR_EXECUTION WHERE EXECUTION_ID = ?", execution.getId());
	}

	private synchronized void startBeating() {
		if (this.beats == null) {
			this.beats = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "heartbeat");
				thread.setDaemon(true);
				return thread;
			});
			long period = this.heartbeat.toMillis();
			this.beats.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
		}
	}

	private void beat() {
		long now = System.currentTimeMillis();
		for (Long id : this.running) {
			try {
				this.jdbc.update("UPDATE TR_EXECUTION SET HEARTBEAT = ? WHERE EXECUTION_ID = ?", now, id);
			}
			catch (RuntimeException ex) {
				logger.warn("无法更新运行心跳（执行 {}）：{}", id, ex.getMessage());
			}
		}
	}

	@Override
	public synchronized void destroy() {
		if (this.beats != null) {
			this.beats.shutdownNow();
		}
	}

	/** Who runs an execution, as far as the repository knows. */
	Optional<Owner> owner(JobExecution execution) {
		List<Owner> owners = this.jdbc.query(
				"SELECT HOST, PID, PROCESS_START, HEARTBEAT FROM TR_EXECUTION WHERE EXECUTION_ID = ?",
				(rs, i) -> new Owner(rs.getString(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getLong(4)),
				execution.getId());
		return owners.stream().findFirst();
	}

	/**
	 * Whether the process running an execution the repository calls running is still
	 * there: on this host, whether that process exists (and is not a later process that
	 * was given the same id); on another host, whether its heartbeat is recent. An
	 * execution with no owner recorded is judged by when the repository last heard of it.
	 */
	boolean isAlive(JobExecution execution) {
		Optional<Owner> owner = owner(execution);
		long now = System.currentTimeMillis();
		if (owner.isEmpty()) {
			var updated = (execution.getLastUpdated() != null) ? execution.getLastUpdated() : execution.getCreateTime();
			long millis = updated.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
			return now - millis < this.staleAfter.toMillis();
		}
		Owner found = owner.get();
		if (HOST.equals(found.host())) {
			Optional<ProcessHandle> process = ProcessHandle.of(found.pid());
			if (process.isEmpty() || !process.get().isAlive()) {
				return false;
			}
			Optional<Long> started = processStart(process.get());
			return found.processStart() == null || started.isEmpty()
					|| Math.abs(started.get() - found.processStart()) <= PROCESS_START_TOLERANCE_MILLIS;
		}
		return now - found.heartbeat() < this.staleAfter.toMillis();
	}

	private static Optional<Long> processStart(ProcessHandle process) {
		return process.info().startInstant().map(Instant::toEpochMilli);
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
		}
	}

	/**
	 * The process that runs an execution.
	 *
	 * @param host its host name
	 * @param pid its process id
	 * @param processStart when the process started (epoch milliseconds), if known
	 * @param heartbeat when it last said it was running (epoch milliseconds)
	 */
	record Owner(String host, long pid, Long processStart, long heartbeat) {
	}

}
