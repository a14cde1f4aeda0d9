package org.hexproof.coverage.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hexproof.coverage.app.FeedFixtures.VALLETTA;
import static org.hexproof.coverage.app.FeedFixtures.east;
import static org.hexproof.coverage.app.FeedFixtures.key;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hexproof.core.geo.LatLng;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * The web map in headless Chromium against a running service with data: hexes drawn, a click on a
 * covered spot answers "covered", shareable links restore the view, the LoRa/Wi-Fi choice switches
 * the map that draws and answers. Saves {@code target/coverage-map.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageMapBrowserIT {
  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

  /** A Wi-Fi hotspot 600 m south of Valletta, inside hotspot 1's LoRa coverage. */
  private static final LatLng WIFI_AT = FeedFixtures.north(VALLETTA, -600);

  private Path profile;
  private StubOracle oracle;
  private RunningService service;
  private ChromeDriver browser;

  @BeforeAll
  void start() throws java.io.IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "browser test skipped: /usr/bin/chromium is absent (CI installs chromium and"
            + " chromium-driver with apt-get; do the same to run it)");
    oracle = new StubOracle();
    FeedFixtures.scenario(Instant.now()).forEach(oracle::add);
    oracle.add(FeedFixtures.wifiBeacon(11, 40, WIFI_AT, 41, Instant.now().minusSeconds(600)));
    service = new RunningService(oracle.url(), null);
    service.awaitCursor(oracle.lastId());
    service.post(
        "/v1/coverage/measurements",
        "[{\"lat\":"
            + FeedFixtures.north(VALLETTA, 2000).latDegrees()
            + ",\"lng\":"
            + VALLETTA.lngDegrees()
            + ",\"time\":\""
            + Instant.now()
            + "\",\"heard_by\":[]}]");

    // created here: a @TempDir field is not injected yet when a per-class @BeforeAll runs
    profile = Files.createTempDirectory("hexproof-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,860",
        "--user-data-dir=" + profile);
    ChromeDriverService driverService =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(driverService, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
  }

  @AfterAll
  void stop() throws java.io.IOException {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.close();
    }
    if (oracle != null) {
      oracle.close();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private <T> T await(String what, Supplier<T> probe) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      T value = probe.get();
      if (value != null && !Boolean.FALSE.equals(value)) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private void open(String fragment) throws InterruptedException {
    browser.get("about:blank");
    browser.get(service.base() + "/" + fragment);
    await("page ready", () -> js("return document.body.dataset.ready === 'true'"));
  }

  @Test
  void hexes_are_drawn_and_a_click_on_a_covered_spot_answers_covered() throws Exception {
    open("");
    List<WebElement> hexes =
        await(
            "hex paths",
            () -> {
              List<WebElement> found = browser.findElements(By.cssSelector("path.hex-cell"));
              return found.isEmpty() ? null : found;
            });
    assertThat(hexes.size()).isGreaterThan(20);
    assertThat(browser.findElements(By.cssSelector("path.hex-none"))).isNotEmpty();
    assertThat(browser.findElement(By.cssSelector(".legend")).getText())
        .contains("Measured, no coverage")
        .contains("Not mapped");
    // the rewards chart library comes from its WebJar, not a CDN
    assertThat(js("return typeof uPlot")).isEqualTo("function");

    LatLng spot = east(VALLETTA, 1500);
    @SuppressWarnings("unchecked")
    Map<String, Object> px =
        (Map<String, Object>)
            js(
                "const p = map.latLngToContainerPoint([arguments[0], arguments[1]]);"
                    + " const s = map.getSize(); return {x: p.x - s.x / 2, y: p.y - s.y / 2};",
                spot.latDegrees(),
                spot.lngDegrees());
    WebElement mapElement = browser.findElement(By.id("map"));
    new Actions(browser)
        .moveToElement(
            mapElement,
            (int) Math.round(((Number) px.get("x")).doubleValue()),
            (int) Math.round(((Number) px.get("y")).doubleValue()))
        .click()
        .perform();

    WebElement verdict = await("lookup panel", () -> first(By.id("lookup")));
    assertThat(verdict.getAttribute("data-covered")).isEqualTo("true");
    assertThat(verdict.getText()).startsWith("Covered");
    assertThat(browser.findElement(By.id("panel")).getText()).contains("MODELED").contains("dBm");
    assertThat(browser.getCurrentUrl()).contains("#cell=89");

    Path shot = Paths.get("target", "coverage-map.png");
    Files.createDirectories(shot.getParent());
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        shot,
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void shareable_links_restore_a_cell_and_a_hotspot() throws Exception {
    String cell =
        service
            .json(
                "/v1/coverage/point?lat="
                    + FeedFixtures.north(VALLETTA, 2000).latDegrees()
                    + "&lng="
                    + VALLETTA.lngDegrees())
            .get("cell")
            .asText();

    open("#cell=" + cell);
    WebElement verdict = await("lookup panel", () -> first(By.id("lookup")));
    assertThat(verdict.getAttribute("data-status")).isEqualTo("MEASURED_NONE");
    assertThat(verdict.getText()).contains("No coverage");

    open("#hotspot=" + key(1).toBase58());
    WebElement panel = browser.findElement(By.id("panel"));
    await("hotspot panel", () -> panel.getText().contains(key(1).toBase58()));
    assertThat(panel.getText()).contains("Last valid PoC").contains("12 valid witnesses");
    await(
        "hotspot hexes", () -> !browser.findElements(By.cssSelector("path.hotspot-hex")).isEmpty());
  }

  @Test
  void the_radio_choice_switches_the_map_and_the_lookups_to_wifi_and_back() throws Exception {
    open("");
    WebElement search = browser.findElement(By.id("search-input"));
    LatLng nearWifi = east(WIFI_AT, 15);
    LatLng farFromWifi = east(VALLETTA, 1500);

    choose("wifi");
    await(
        "Wi-Fi summary",
        () -> browser.findElement(By.id("summary")).getText().startsWith("Wi-Fi:"));
    assertThat(js("return document.getElementById('map').dataset.technology")).isEqualTo("wifi");

    lookUp(search, nearWifi);
    WebElement verdict = await("Wi-Fi lookup", () -> lookupFor(nearWifi));
    assertThat(verdict.getAttribute("data-covered")).isEqualTo("true");
    assertThat(browser.findElement(By.id("panel")).getText())
        .contains("(res 12)")
        .contains("Wi-Fi map");

    lookUp(search, farFromWifi);
    verdict = await("Wi-Fi lookup far away", () -> lookupFor(farFromWifi));
    assertThat(verdict.getAttribute("data-status")).isEqualTo("NOT_MAPPED");

    choose("lora");
    await(
        "LoRa summary", () -> browser.findElement(By.id("summary")).getText().startsWith("LoRa:"));
    lookUp(search, farFromWifi);
    await(
        "LoRa lookup",
        () -> browser.findElement(By.id("panel")).getText().contains("LoRa map") ? true : null);
    assertThat(first(By.id("lookup")).getAttribute("data-covered")).isEqualTo("true");
  }

  private void choose(String technology) {
    js(
        "const s = document.getElementById('technology'); s.value = arguments[0];"
            + " s.dispatchEvent(new Event('change'));",
        technology);
  }

  private void lookUp(WebElement search, LatLng at) {
    search.clear();
    search.sendKeys(at.latDegrees() + ", " + at.lngDegrees() + Keys.ENTER);
  }

  /** The lookup panel once it answers for {@code at} (the point row shows 5 decimals). */
  private WebElement lookupFor(LatLng at) {
    WebElement panel = browser.findElement(By.id("panel"));
    String point =
        String.format(java.util.Locale.ROOT, "%.5f, %.5f", at.latDegrees(), at.lngDegrees());
    return panel.getText().contains(point) ? first(By.id("lookup")) : null;
  }

  private WebElement first(By by) {
    List<WebElement> found = browser.findElements(by);
    return found.isEmpty() ? null : found.get(0);
  }
}
