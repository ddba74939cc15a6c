package io.latchkey.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Headless Chromium with a virtual platform authenticator (CTAP2, internal, resident keys, user
 * verification), driven through Debian's chromedriver named explicitly: Selenium Manager never
 * runs and nothing is downloaded.
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;
    private VirtualAuthenticator authenticator;

    /**
     * A virtual authenticator answers a conditional (autofill) request at once, where a person would
     * first pick the passkey; so tests of explicit buttons turn autofill off in the page.
     */
    public static Browser withoutAutofill() {
        Browser browser = new Browser();
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "Object.defineProperty(PublicKeyCredential, 'isConditionalMediationAvailable',"
                        + " {value: () => Promise.resolve(false)});"));
        return browser;
    }

    public static Browser withAutofill() {
        return new Browser();
    }

    private Browser() {
        try {
            profile = Files.createTempDirectory("latchkey-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(RequiresChromium.BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1024", "--user-data-dir=" + profile, "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(RequiresChromium.DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        // Each browser is its own client as far as per-address rate limits go (see Api.TRUSTED_PROXIES).
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", Api.newClientAddress())));
        authenticator = newAuthenticator(true);
    }

    /** Replaces the virtual authenticator with a fresh one (a second device). */
    public void useNewAuthenticator() {
        ((HasVirtualAuthenticator) driver).removeVirtualAuthenticator(authenticator);
        authenticator = newAuthenticator(true);
    }

    /** Whether the authenticator verifies the user (biometrics or PIN) when asked. */
    public void userVerifies(boolean verifies) {
        authenticator.setUserVerified(verifies);
    }

    public int credentialCount() {
        return authenticator.getCredentials().size();
    }

    private VirtualAuthenticator newAuthenticator(boolean userVerified) {
        return ((HasVirtualAuthenticator) driver).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(userVerified)
                .setIsUserConsenting(true));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
        awaitIdle();
    }

    public WebElement element(String id) {
        return driver.findElement(By.id(id));
    }

    public void type(String id, String text) {
        WebElement input = element(id);
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks and waits until the page's action has finished. */
    public void click(String id) {
        element(id).click();
        awaitIdle();
    }

    public void clickIn(WebElement scope, String cssClass) {
        scope.findElement(By.className(cssClass)).click();
        awaitIdle();
    }

    public void awaitState(String state) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", state));
    }

    /** From now on, keeps every state the page passes through, for {@link #awaitStates}. */
    public void recordStates() {
        driver.executeScript("window.latchkeyStates = [];"
                + "new MutationObserver(() => window.latchkeyStates.push(document.body.dataset.state))"
                + ".observe(document.body, {attributes: true, attributeFilter: ['data-state']});");
    }

    /** Waits until the recorded states include {@code sequence} in a row, however briefly each lasted. */
    public void awaitStates(String... sequence) {
        String expected = String.join(",", sequence);
        new WebDriverWait(driver, WAIT).until(d -> String.valueOf(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return window.latchkeyStates.join(',');")).contains(expected));
    }

    public void awaitIdle() {
        new WebDriverWait(driver, WAIT).until(d -> "false".equals(d.findElement(By.tagName("body")).getAttribute("data-busy")));
    }

    public String message() {
        return element("message").getText();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
