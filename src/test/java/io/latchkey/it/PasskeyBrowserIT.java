package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.DeployedLatchkey;
import io.latchkey.it.support.Browser;
import io.latchkey.it.support.RequiresChromium;

/** The sign-in page at /auth/ in headless Chromium, with a virtual authenticator doing real WebAuthn. */
@ExtendWith(RequiresChromium.class)
class PasskeyBrowserIT extends DeployedLatchkey {

    private static final String PASSWORD = "violet tram sings backwards";
    /** The suites run with a 5-second freshness window; auth_time has whole seconds. */
    private static final long FRESHNESS_PASSED_MS = 6_500;

    private Browser browser;
    private String page;

    @BeforeEach
    void openBrowser() {
        page = api.base().toString();
        browser = Browser.withoutAutofill();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void signUpWithAPasskeySignOutAndSignBackInWithoutAUsername() {
        String username = Api.uniqueUsername("browser");
        signUpWithPasskey(username);
        assertThat(browser.element("account-username").getText()).isEqualTo(username.toLowerCase());
        assertThat(browser.element("passkey-count").getText()).isEqualTo("1");
        assertThat(browser.credentialCount()).isEqualTo(1);

        browser.click("sign-out");
        browser.awaitState("signed-out");
        browser.element("username").clear();
        browser.click("signin-passkey");

        browser.awaitState("signed-in");
        assertThat(browser.element("account-username").getText()).isEqualTo(username.toLowerCase());
    }

    @Test
    void autofillSignsInWithTheDiscoverablePasskey() {
        browser.close();
        browser = Browser.withAutofill();
        String username = Api.uniqueUsername("browser-autofill");
        signUpWithPasskey(username);

        // Signing out restarts the conditional request; the virtual authenticator answers it as a
        // person picking the passkey from the username field's autofill would.
        browser.recordStates();
        browser.element("sign-out").click();

        // Not just "signed-in": that is also the state before the sign-out takes effect.
        browser.awaitStates("signed-out", "signed-in");
        assertThat(browser.element("account-username").getText()).isEqualTo(username.toLowerCase());
        assertThat(browser.message()).doesNotContain("cancelled");
    }

    @Test
    void addRenameAndDeleteASecondPasskey() {
        signUpWithPasskey(Api.uniqueUsername("browser-manage"));
        browser.useNewAuthenticator();

        browser.click("add-passkey");
        awaitPasskeys(2);

        WebElement first = passkeys().get(0);
        browser.clickIn(first, "rename");
        WebElement input = first.findElement(By.className("rename-input"));
        input.clear();
        input.sendKeys("Phone");
        browser.clickIn(first, "rename-save");
        confirmIfAsked(); // the suites' freshness window is 5 s: a slow run may be asked to sign in again
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> passkeys().get(0).findElement(By.className("passkey-name")).getText().equals("Phone"));

        WebElement second = passkeys().get(1);
        browser.clickIn(second, "delete");
        browser.clickIn(passkeys().get(1), "delete-confirm");
        confirmIfAsked();
        awaitPasskeys(1);
        assertThat(passkeys().get(0).findElement(By.className("passkey-name")).getText()).isEqualTo("Phone");
    }

    @Test
    void signInFailsWhenTheAuthenticatorCannotVerifyTheUser() {
        signUpWithPasskey(Api.uniqueUsername("browser-uv"));
        browser.click("sign-out");
        browser.awaitState("signed-out");
        browser.userVerifies(false);

        browser.click("signin-passkey");

        assertThat(browser.element("message").getAttribute("class")).contains("error");
        assertThat(browser.message()).contains("cancelled");
        assertThat(browser.driver().findElement(By.tagName("body")).getAttribute("data-state")).isEqualTo("signed-out");
    }

    @Test
    void signUpAndSignInWithAPassword() {
        String username = Api.uniqueUsername("browser-pw");
        browser.open(page);
        browser.awaitState("signed-out");
        assertThat(browser.element("signup-password").isDisplayed()).as("sign-up is a form of its own").isFalse();
        browser.click("show-signup");
        assertThat(browser.element("signin-password").isDisplayed()).isFalse();
        browser.type("username", username);
        browser.type("password", "violet tram sings backwards");
        browser.click("signup-password");
        browser.awaitState("signed-in");
        browser.click("sign-out");
        browser.awaitState("signed-out");

        browser.type("username", username);
        browser.type("password", "not the right password");
        browser.click("signin-password");
        assertThat(browser.message()).contains("not valid");

        browser.type("password", "violet tram sings backwards");
        browser.click("signin-password");
        browser.awaitState("signed-in");
        assertThat(browser.element("passkey-count").getText()).isEqualTo("0");
    }

    // Step-up: a change to how one signs in, with a sign-in older than the freshness window (5 s
    // in the suites), asks for a fresh sign-in and then makes the change without another click.
    @Test
    void aStaleSignInIsAskedToConfirmWithAPasskeyAndTheRenameThenHappens() throws Exception {
        signUpWithPasskey(Api.uniqueUsername("browser-stepup-pk"));
        Thread.sleep(FRESHNESS_PASSED_MS);

        WebElement first = passkeys().get(0);
        browser.clickIn(first, "rename");
        WebElement input = first.findElement(By.className("rename-input"));
        input.clear();
        input.sendKeys("Laptop");
        browser.clickIn(first, "rename-save");

        assertThat(browser.element("reauth-view").isDisplayed()).as("asked to sign in again").isTrue();
        assertThat(passkeys().get(0).findElement(By.className("passkey-name")).getText()).isEqualTo("Passkey");

        browser.click("reauth-passkey");

        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> passkeys().get(0).findElement(By.className("passkey-name")).getText().equals("Laptop"));
        assertThat(browser.element("reauth-view").isDisplayed()).isFalse();
        assertThat(browser.driver().findElement(By.tagName("body")).getAttribute("data-state")).isEqualTo("signed-in");
    }

    @Test
    void aStaleSignInIsAskedToConfirmWithThePasswordAndThePasskeyIsThenAdded() throws Exception {
        String username = Api.uniqueUsername("browser-stepup-pw");
        browser.open(page);
        browser.awaitState("signed-out");
        browser.click("show-signup");
        browser.type("username", username);
        browser.type("password", PASSWORD);
        browser.click("signup-password");
        browser.awaitState("signed-in");
        Thread.sleep(FRESHNESS_PASSED_MS);

        browser.click("add-passkey");
        assertThat(browser.element("reauth-view").isDisplayed()).as("asked to sign in again").isTrue();
        assertThat(browser.credentialCount()).as("no passkey created before the fresh sign-in").isZero();

        browser.type("reauth-password", "not the password");
        browser.click("reauth-with-password");
        assertThat(browser.message()).contains("not valid");
        assertThat(browser.element("reauth-view").isDisplayed()).isTrue();

        browser.type("reauth-password", PASSWORD);
        browser.click("reauth-with-password");

        awaitPasskeys(1);
        assertThat(browser.credentialCount()).isEqualTo(1);
        assertThat(browser.element("reauth-view").isDisplayed()).isFalse();
    }

    // Recovery: the page offers codes after the first passkey; a person who then loses the
    // authenticator signs in with a code, is taken to add a new passkey, and the code is spent.
    @Test
    void aPasskeyUserWhoLostThePasskeySignsInWithARecoveryCodeAndAddsANewOne() {
        String username = Api.uniqueUsername("browser-recovery");
        signUpWithPasskey(username);
        assertThat(browser.element("recovery-section").getAttribute("data-offer")).as("codes offered after the first passkey").isEqualTo("true");

        browser.click("create-recovery-codes");
        confirmIfAsked();
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10)).until(d -> recoveryCodes().size() == 10);
        List<String> codes = recoveryCodes().stream().map(WebElement::getText).toList();
        assertThat(codes).allMatch(code -> code.matches("[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}"));
        assertThat(browser.element("recovery-section").getAttribute("data-remaining")).isEqualTo("10");
        browser.click("sign-out");
        browser.awaitState("signed-out");
        assertThat(recoveryCodes()).as("shown once: gone from the page after signing out").isEmpty();

        browser.useNewAuthenticator(); // the passkey is lost with its authenticator
        assertThat(browser.credentialCount()).isZero();
        browser.click("show-recovery");
        browser.type("username", username);
        browser.type("recovery-code", codes.get(0));
        browser.click("signin-recovery");

        browser.awaitState("signed-in");
        assertThat(browser.element("recovery-next").isDisplayed()).as("taken to set up a new way to sign in").isTrue();
        browser.click("recovery-add-passkey");
        awaitPasskeys(2);
        assertThat(browser.credentialCount()).isEqualTo(1);
        assertThat(browser.element("recovery-next").isDisplayed()).isFalse();
        assertThat(browser.element("recovery-section").getAttribute("data-remaining")).isEqualTo("9");

        browser.click("sign-out");
        browser.awaitState("signed-out");
        browser.click("show-recovery");
        browser.type("username", username);
        browser.type("recovery-code", codes.get(0));
        browser.click("signin-recovery");
        assertThat(browser.message()).as("the spent code").contains("not valid");
        assertThat(browser.driver().findElement(By.tagName("body")).getAttribute("data-state")).isEqualTo("signed-out");

        browser.click("recovery-back");
        browser.click("signin-passkey");
        browser.awaitState("signed-in");
        assertThat(browser.element("account-username").getText()).as("the new passkey signs in").isEqualTo(username.toLowerCase());
    }

    private List<WebElement> recoveryCodes() {
        return browser.driver().findElements(By.cssSelector("#recovery-code-list li"));
    }

    /** Answers the page's request for a fresh sign-in with the current authenticator, if it made one. */
    private void confirmIfAsked() {
        if (browser.element("reauth-view").isDisplayed()) {
            browser.click("reauth-passkey");
        }
    }

    private void signUpWithPasskey(String username) {
        browser.open(page);
        browser.awaitState("signed-out");
        browser.click("show-signup");
        browser.type("username", username);
        browser.click("signup-passkey");
        browser.awaitState("signed-in");
    }

    private List<WebElement> passkeys() {
        return browser.driver().findElements(By.cssSelector("#passkey-list li.passkey"));
    }

    private void awaitPasskeys(int count) {
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10)).until(d -> passkeys().size() == count);
    }
}
