package org.tallyrollup.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.tallyrollup.TestFolders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page in a real browser (headless Chromium from the system's packages): an
 * administrator logs in, rolls the sample period up, watches it finish and downloads the
 * workbook; a viewer finds no start button, and a forced start is refused. Skipped where
 * Chromium is not installed. With {@code -Dtally.screenshots=docs} it also saves pictures
 * of the pages there.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "tally.web.async-runs=true", "spring.datasource.url=jdbc:h2:mem:browser-tests;DB_CLOSE_DELAY=-1",
				"TALLY_ADMIN_PASSWORD=admin-secret", "TALLY_VIEWER_PASSWORD=viewer-secret",
				"logging.level.org.springframework.batch=WARN" })
@DirtiesContext
class BrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path ROOT = TestFolders.temporary("tally-browser-");

	@LocalServerPort
	int port;

	private WebDriver browser;

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		TestFolders.copy(Path.of("input"), ROOT.resolve("input"));
		registry.add("tally.input-dir", () -> ROOT.resolve("input").toString());
		registry.add("tally.output-dir", () -> ROOT.resolve("output").toString());
		registry.add("tally.data-dir", () -> ROOT.resolve("data").toString());
	}

	@BeforeEach
	void browser() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install chromium)");
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toString());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
				"--user-data-dir=" + Files.createTempDirectory(ROOT, "profile"), "--window-size=1280,900",
				"--lang=zh-CN");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void close() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void anAdministratorRollsUpAndDownloadsAViewerOnlyLooks() throws Exception {
		// an administrator logs in and starts a run of the sample period
		logIn("admin", "admin-secret");
		assertThat(this.browser.getTitle()).contains("统计表汇总");
		new Select(this.browser.findElement(By.id("period"))).selectByValue("2023-11");
		this.browser.findElement(By.id("start-run")).click();
		// the click returns once the form is sent, not always once the run's page is
		// there
		wait(Duration.ofSeconds(10)).until((page) -> page.getCurrentUrl().matches(".*/runs/\\d+"));

		// and watches it finish: the page follows the run and reloads when it is done
		wait(Duration.ofSeconds(90))
			.until((page) -> !page.findElements(By.cssSelector("[data-running='false']")).isEmpty()
					&& text(By.cssSelector(".badge.big")).equals("已完成"));
		String page = this.browser.findElement(By.tagName("main")).getText();
		assertThat(page).contains("接受 58 行", "未报送单位", "桂花社区离退休党员党支部", "R3 数值不是非负整数", "十二", "中共江州市委");
		// the 综述 box, with the root's 检视问题数, and a button that copies it
		String narrative = text(By.cssSelector("#narrative .narrative"));
		assertThat(narrative).startsWith("截至2023-11，中共江州市委").contains("共检视问题320个");
		assertThat(text(By.id("comparison"))).contains("较上期", "无上期数据");
		screenshot("screenshot-run.png");
		this.browser.findElement(By.id("copy-narrative")).click();
		wait(Duration.ofSeconds(5)).until((p) -> !text(By.cssSelector("#narrative .copied")).isEmpty());

		// the workbook downloads with the browser's session, and holds the sample's total
		String link = this.browser.findElement(By.linkText("下载这次的汇总表")).getAttribute("href");
		HttpResponse<byte[]> download = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(link))
				.header("Cookie", "JSESSIONID=" + this.browser.manage().getCookieNamed("JSESSIONID").getValue())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(ContentDisposition.parse(download.headers().firstValue("Content-Disposition").orElseThrow())
			.getFilename()).isEqualTo("主题教育进展汇总_2023-11.xlsx");
		assertThat(WebTestSupport.rootIssuesFound(new ByteArrayInputStream(download.body()))).isEqualTo(320);

		// the home page lists the run with its download
		this.browser.get(url("/"));
		assertThat(this.browser.findElement(By.cssSelector("table.runs tbody")).getText()).contains("2023-11", "已完成",
				"58", "admin（网页）");
		screenshot("screenshot.png");

		// a viewer sees the runs, but no start button, and a forced start is refused
		// the click returns before the next page is there: wait for it, not for the old
		// one
		this.browser.findElement(By.cssSelector("header form button")).click();
		wait(Duration.ofSeconds(10)).until((p) -> text(By.tagName("main")).contains("已退出登录"));
		assertThat(this.browser.getCurrentUrl()).contains("/login");
		logIn("viewer", "viewer-secret");
		assertThat(this.browser.findElement(By.cssSelector("table.runs")).getText()).contains("已完成");
		assertThat(this.browser.findElements(By.id("start-run"))).isEmpty();
		assertThat(this.browser.findElements(By.xpath("//button[contains(., '停止') or contains(., '继续')]"))).isEmpty();
		assertThat(forcedPost("/runs", "period=2023-11")).isEqualTo(403);
		assertThat(forcedPost("/api/runs?period=2023-11", "")).isEqualTo(403);
	}

	private void logIn(String user, String password) {
		this.browser.get(url("/"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		this.browser.findElement(By.id("username")).sendKeys(user);
		this.browser.findElement(By.id("password")).sendKeys(password);
		this.browser.findElement(By.cssSelector("main form button")).click();
		wait(Duration.ofSeconds(10)).until((page) -> page.getCurrentUrl().endsWith("/"));
	}

	/**
	 * A POST made by script in the page, with the page's CSRF token: only roles stop it.
	 */
	private long forcedPost(String path, String body) {
		Object status = ((JavascriptExecutor) this.browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const token = document.querySelector('input[name="_csrf"]').value;
				fetch(arguments[0], { method: 'POST', credentials: 'same-origin', redirect: 'manual',
						headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-TOKEN': token },
						body: arguments[1] })
					.then((response) => done(response.status), () => done(-1));
				""", path, body);
		return ((Number) status).longValue();
	}

	/** Saves the whole page into the folder {@code tally.screenshots} names, if any. */
	private void screenshot(String name) throws Exception {
		String folder = System.getProperty("tally.screenshots");
		if (folder == null || folder.isBlank()) {
			return;
		}
		Dimension window = this.browser.manage().window().getSize();
		long height = (Long) ((JavascriptExecutor) this.browser)
			.executeScript("return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight");
		this.browser.manage().window().setSize(new Dimension(window.getWidth(), (int) height));
		Files.write(Path.of(folder, name), ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
		this.browser.manage().window().setSize(window);
	}

	private String text(By by) {
		List<org.openqa.selenium.WebElement> found = this.browser.findElements(by);
		try {
			return found.isEmpty() ? "" : found.get(0).getText();
		}
		catch (org.openqa.selenium.StaleElementReferenceException ex) {
			return "";
		}
	}

	private WebDriverWait wait(Duration timeout) {
		return new WebDriverWait(this.browser, timeout);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
