package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.Browser;
import io.latchkey.it.support.DeployedLatchkey;
import io.latchkey.it.support.RequiresChromium;

/**
 * The administration console at /auth/admin/ in headless Chromium, signed in through the sign-in
 * page (the browser session), against the API's own answers.
 */
@ExtendWith(RequiresChromium.class)
class AdminConsoleBrowserIT extends DeployedLatchkey {

    private static final String PASSWORD = "violet tram sings backwards";
    /** The suites run with a 5-second freshness window; auth_time has whole seconds. */
    private static final long FRESHNESS_PASSED_MS = 6_500;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.withoutAutofill();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anAdministratorSuspendsReactivatesRegroupsAndReadsTheTrail() throws InterruptedException {
        String adminName = Api.uniqueUsername("console-admin");
        api.grantGroups(api.signUp(adminName, PASSWORD).text("id"), "auth-admin");
        String targetName = Api.uniqueUsername("console-target");
        String targetId = api.signUp(targetName, PASSWORD).text("id");
        String targetAccess = api.login(targetName, PASSWORD).text("access_token");

        browser.driver().get(api.base() + "admin/");
        signInOnThePage(adminName);
        awaitConsole("ready");
        browser.type("account-query", targetName);
        browser.click("account-search-button");
        assertThat(browser.element("account-summary").getText()).isEqualTo("Accounts 1 to 1 of 1.");
        browser.driver().findElement(By.cssSelector("button[aria-label='Open " + targetName.toLowerCase() + "']")).click();
        browser.awaitIdle();
        assertThat(browser.element("detail-status").getText()).isEqualTo("active");
        assertThat(browser.element("session-table").getText()).as("the target's open session").contains("Java-http-client");

        // Older than the freshness window: the console says so and offers a new sign-in.
        Thread.sleep(FRESHNESS_PASSED_MS);
        clickAndConfirm("suspend-account");
        assertThat(browser.element("reauth-view").isDisplayed()).isTrue();
        assertThat(browser.message()).contains("sign in again");
        assertThat(api.get("api/me", targetAccess).status()).as("nothing was suspended yet").isEqualTo(200);
        browser.click("reauth-sign-in");
        signInOnThePage(adminName);
        awaitConsole("ready");
        assertThat(browser.element("account-title").getText()).as("back at the account").contains(targetName.toLowerCase());

        change("suspend-account");
        assertThat(browser.message()).isEqualTo(targetName.toLowerCase() + " is suspended.");
        assertThat(browser.element("detail-status").getText()).isEqualTo("suspended");
        assertThat(api.get("api/me", targetAccess).status()).as("the target's live access token").isEqualTo(401);

        change("reactivate-account");
        assertThat(browser.element("detail-status").getText()).isEqualTo("active");
        assertThat(api.login(targetName, PASSWORD).status()).isEqualTo(200);

        browser.type("groups-input", "staff, user");
        change("save-groups");
        assertThat(browser.element("detail-groups").getText()).isEqualTo("staff, user");
        assertThat(api.get("api/admin/accounts?q=" + targetName, api.adminToken()).json().path("items").get(0).path("groups")
                .toString()).isEqualTo("[\"staff\",\"user\"]");

        browser.click("account-all-events");
        String trail = browser.element("event-table").getText();
        assertThat(trail).contains("SIGN_UP", "ACCOUNT_SUSPENDED", "ACCOUNT_REACTIVATED", "GROUPS_CHANGED");
        assertThat(trail.indexOf("ACCOUNT_SUSPENDED")).as("oldest first").isLessThan(trail.indexOf("GROUPS_CHANGED"));
    }

    @Test
    void cancellingTheDialogChangesNothing() {
        String adminName = Api.uniqueUsername("console-cancel");
        api.grantGroups(api.signUp(adminName, PASSWORD).text("id"), "auth-admin");
        String targetName = Api.uniqueUsername("console-kept");
        String targetId = api.signUp(targetName, PASSWORD).text("id");

        browser.driver().get(api.base() + "admin/#account=" + targetId);
        signInOnThePage(adminName);
        awaitConsole("ready");
        browser.element("suspend-account").click();
        awaitDialog(true);
        browser.element("confirm-cancel").click();
        awaitDialog(false);
        browser.awaitIdle();

        assertThat(browser.message()).isEqualTo("Nothing was changed.");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("focus back on the button").isEqualTo("suspend-account");
        assertThat(api.login(targetName, PASSWORD).status()).as("still active").isEqualTo(200);
    }

    @Test
    void anAccountFitsA360PixelWideScreen() {
        String adminName = Api.uniqueUsername("console-narrow");
        api.grantGroups(api.signUp(adminName, PASSWORD).text("id"), "auth-admin");
        String targetId = api.signUp(Api.uniqueUsername("console-narrow-target"), PASSWORD).text("id");
        // Headless Chromium keeps windows at least about 500 px wide; a phone's viewport is emulated.
        ((org.openqa.selenium.chrome.ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 360, "height", 800, "deviceScaleFactor", 1, "mobile", true));

        browser.driver().get(api.base() + "admin/#account=" + targetId);
        signInOnThePage(adminName);
        awaitConsole("ready");

        assertThat(browser.element("account-view").isDisplayed()).isTrue();
        assertThat(((Number) ((JavascriptExecutor) browser.driver()).executeScript("return window.innerWidth;")).intValue())
                .isEqualTo(360);
        Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("no sideways scrolling of the page (tables scroll in their box)").isLessThanOrEqualTo(0);
        assertThat(browser.element("suspend-account").isDisplayed()).isTrue();
    }

    @Test
    void someoneWhoIsNotAnAdministratorIsToldWhy() {
        String username = Api.uniqueUsername("console-plain");
        api.signUp(username, PASSWORD);

        browser.driver().get(api.base() + "admin/");
        signInOnThePage(username);
        awaitConsole("refused");

        assertThat(browser.element("refused-view").isDisplayed()).isTrue();
        assertThat(browser.element("refused-detail").getText()).contains(username.toLowerCase()).contains("not in the group auth-admin");
        assertThat(browser.element("console-nav").isDisplayed()).isFalse();
        assertThat(browser.element("accounts-view").isDisplayed()).isFalse();
    }

    /** Makes a change, signing in again first if the console says the sign-in is too old for it. */
    private void change(String buttonId) {
        clickAndConfirm(buttonId);
        if (browser.element("reauth-view").isDisplayed()) {
            browser.click("reauth-sign-in");
            signInOnThePage(currentAdmin);
            awaitConsole("ready");
            clickAndConfirm(buttonId);
        }
        assertThat(browser.element("message").getAttribute("class")).as(browser.message()).isEqualTo("ok");
    }

    private String currentAdmin;

    private void clickAndConfirm(String buttonId) {
        browser.element(buttonId).click();
        awaitDialog(true);
        browser.element("confirm-ok").click();
        awaitDialog(false);
        browser.awaitIdle();
    }

    private void awaitDialog(boolean open) {
        new WebDriverWait(browser.driver(), WAIT).until(d -> open == Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return document.getElementById('confirm-dialog').open;")));
    }

    /** The console sends a browser without a session to the sign-in page, which returns to it. */
    private void signInOnThePage(String username) {
        currentAdmin = username;
        new WebDriverWait(browser.driver(), WAIT).ignoring(WebDriverException.class)
                .until(d -> d.getCurrentUrl().contains("return=") && "signed-out".equals(bodyAttribute("data-state"))
                        && "false".equals(bodyAttribute("data-busy")));
        browser.type("username", username);
        browser.type("password", PASSWORD);
        browser.element("signin-password").click();
    }

    private void awaitConsole(String state) {
        new WebDriverWait(browser.driver(), WAIT).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(d -> d.getCurrentUrl().contains("/admin/") && state.equals(bodyAttribute("data-state"))
                        && "false".equals(bodyAttribute("data-busy")));
    }

    private String bodyAttribute(String name) {
        return browser.driver().findElement(By.tagName("body")).getAttribute(name);
    }
}
