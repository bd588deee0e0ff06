package org.tallyrollup.job;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real servers ({@code serve}, each a child JVM) over one job repository and the same
 * folders, with the same schedule: the scheduled run of a period runs once, the other
 * server finding it going or done; two administrators pressing 立即汇总 for the same period
 * at the same moment, one on each server, get one run and one 409.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TwoServersTests {

	private static final String SCHEDULED = GeneratedInput.PERIOD;

	private static final String PRESSED = "2024-06";

	private static final String PASSWORD = "two-servers-secret";

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<Server> servers = new ArrayList<>();

	private Path input;

	private Path arriving;

	abstract Repositories.Kind repository();

	@BeforeAll
	void twoServers(@TempDir Path dir) throws Exception {
		this.input = GeneratedInput.create(dir.resolve("input"));
		GeneratedInput.copy(this.input.resolve(SCHEDULED), this.input.resolve(PRESSED));
		// the scheduled period's folder arrives once both servers are up, so that both
		// have it due at the same time
		this.arriving = dir.resolve("arriving");
		Files.createDirectories(this.arriving);
		Files.move(this.input.resolve(SCHEDULED), this.arriving.resolve(SCHEDULED));
		List<String> repository = repository().fresh(dir);
		for (String name : List.of("a", "b")) {
			// one after the other: both creating the tables of an empty database at once
			// may fail on PostgreSQL
			Server server = Server.start(dir, name, repository, this.input, dir.resolve("output"));
			this.servers.add(server);
			server.awaitHealth(this.http);
		}
	}

	@AfterAll
	void stopServers() throws Exception {
		for (Server server : this.servers) {
			server.stop();
		}
		Repositories.dropCreated();
	}

	@Test
	void theScheduledRunOfAPeriodRunsOnceThoughBothServersHaveTheSchedule() throws Exception {
		// given: both servers fire every three seconds for the same period, whose folder
		// arrives now
		Files.move(this.arriving.resolve(SCHEDULED), this.input.resolve(SCHEDULED), StandardCopyOption.ATOMIC_MOVE);
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		JsonNode runs = runs(SCHEDULED);
		while (!(runs.size() == 1 && "COMPLETED".equals(runs.get(0).get("status").asString()))
				&& System.nanoTime() < deadline) {
			Thread.sleep(500);
			runs = runs(SCHEDULED);
		}
		// when: a few more scheduled times go by on both
		Thread.sleep(7000);
		// then
		runs = runs(SCHEDULED);
		assertThat(runs.size()).as(runs.toString()).isEqualTo(1);
		assertThat(runs.get(0).get("status").asString()).isEqualTo("COMPLETED");
		assertThat(runs.get(0).get("startedBy").asString()).isEqualTo("schedule");
		String logs = this.servers.get(0).log() + this.servers.get(1).log();
		assertThat(count(logs, "自动汇总已开始：报告期 " + SCHEDULED)).isEqualTo(1);
		for (Server server : this.servers) {
			assertThat(server.log()).as(server.name())
				.containsPattern("报告期 " + SCHEDULED + " (这次自动汇总已由别处|的输入自编号|正在汇总)|自动汇总已开始：报告期 " + SCHEDULED);
		}
	}

	@Test
	void twoAdministratorsPressingAtOnceOnTwoServersGetOneRunAndOneConflict() throws Exception {
		// given
		CountDownLatch ready = new CountDownLatch(2);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService presses = Executors.newFixedThreadPool(2);
		List<Future<HttpResponse<String>>> responses = new ArrayList<>();
		try {
			for (Server server : this.servers) {
				HttpRequest press = request(server, "/api/runs?period=" + PRESSED)
					.POST(HttpRequest.BodyPublishers.noBody())
					.build();
				responses.add(presses.submit(() -> {
					ready.countDown();
					go.await();
					return this.http.send(press, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				}));
			}
			ready.await();
			// when
			go.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<HttpResponse<String>> response : responses) {
				statuses.add(response.get(60, TimeUnit.SECONDS).statusCode());
			}
			// then
			assertThat(statuses).containsExactlyInAnyOrder(202, 409);
			assertThat(runs(PRESSED).size()).isEqualTo(1);
		}
		finally {
			presses.shutdownNow();
		}
	}

	private JsonNode runs(String period) throws Exception {
		HttpResponse<String> response = this.http.send(
				request(this.servers.get(0), "/api/runs?period=" + period).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
	}

	private static HttpRequest.Builder request(Server server, String path) {
		String credentials = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Basic " + credentials);
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	/** A server in a child JVM. */
	private record Server(String name, Process process, int port, Path out) {

		static Server start(Path dir, String name, List<String> repository, Path input, Path output)
				throws IOException {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
							"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
							"org.tallyrollup.TallyRollupApplication", "serve", "--server.port=" + port,
							"--server.address=127.0.0.1", "--tally.input-dir=" + input, "--tally.output-dir=" + output,
							"--tally.schedule.cron=*/3 * * * * *", "--tally.schedule.period=" + SCHEDULED,
							"--tally.schedule.zone=UTC", "--tally.chunk-size=200"));
			command.addAll(repository);
			if (repository.stream().noneMatch((option) -> option.startsWith("--tally.data-dir="))) {
				command.add("--tally.data-dir=" + dir.resolve("data-" + name));
			}
			Path out = dir.resolve("server-" + name + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
			builder.environment().put("LANG", "C.UTF-8");
			builder.environment().put("LC_ALL", "C.UTF-8");
			builder.environment().put("TALLY_ADMIN_PASSWORD", PASSWORD);
			return new Server(name, builder.start(), port, out);
		}

		void awaitHealth(HttpClient http) throws Exception {
			long deadline = System.nanoTime() + PATIENCE.toNanos();
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					throw new AssertionError("Server " + this.name + " ended:\n" + log());
				}
				try {
					HttpResponse<String> health = http
						.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
							.build(), HttpResponse.BodyHandlers.ofString());
					if (health.statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(250);
			}
			throw new AssertionError("Server " + this.name + " did not start:\n" + log());
		}

		String log() throws IOException {
			return Files.readString(this.out, StandardCharsets.UTF_8);
		}

		void stop() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}

	}

}
