package io.latchkey.ssohost;

import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import io.latchkey.metrics.Instruments;
import io.latchkey.session.BrowserSessionService;
import io.latchkey.session.BrowserSsoSettings;
import io.latchkey.session.RevokedSessions;
import io.latchkey.signing.SigningKeyService;
import io.latchkey.sso.BrowserSessions;
import io.latchkey.sso.SingleSignOn;
import io.latchkey.sso.SsoOptions;
import io.latchkey.ssohost.internal.SsoBearerVerifier;
import io.latchkey.ssohost.internal.SsoCookieVerifier;
import io.latchkey.token.AccessTokenVerifier;
import io.latchkey.token.RemoteKeys;

/**
 * Puts the single sign-on module in place when Latchkey starts and takes it away when Latchkey is
 * undeployed, verifying with the co-deployed issuer's keys and this node's revocation set.
 */
@Singleton
@Startup
@DependsOn({"SigningKeyService", "RevokedSessions"})
public class SsoInstaller {

    private static final Logger LOG = Logger.getLogger(SsoInstaller.class.getName());

    @Inject
    SsoSettings settings;

    @Inject
    SigningKeyService keys;

    @Inject
    RevokedSessions revoked;

    @Inject
    BrowserSsoSettings browser;

    @Inject
    BrowserSessionService browserSessions;

    @Inject
    Clock clock;

    @Inject
    Instruments metrics;

    private SingleSignOn installed;

    @PostConstruct
    void install() {
        if (!settings.enabled()) {
            LOG.info(() -> "Latchkey single sign-on is off (" + SsoSettings.ENABLED + "=false)");
            return;
        }
        JWKSource<SecurityContext> verificationKeys = settings.verification().jwksLocation()
                .map(url -> RemoteKeys.of(url, settings.verification().jwksRefetchInterval()))
                .orElseGet(keys::verificationKeys);
        AccessTokenVerifier verifier = new AccessTokenVerifier(settings.verification().issuer(), settings.verification().audiences(),
                settings.verification().algorithm(), settings.verification().clockSkew(), verificationKeys, clock);
        // Browser sessions are this issuer's own: a node that verifies another issuer's tokens offers none.
        Optional<BrowserSessions> cookies = browser.enabled() && settings.verification().jwksLocation().isEmpty()
                ? Optional.of(new SsoCookieVerifier(browserSessions, revoked.revocations(), browser.renewAfter(), clock))
                : Optional.empty();
        installed = SingleSignOn.install(new SsoBearerVerifier(verifier, revoked.revocations(), clock, metrics), cookies,
                new SsoOptions(settings.carrier().tokenHeader(), settings.carrier().tokenCookie(), settings.appContexts(),
                        cookies.map(c -> browser.signInPage())), answer -> metrics.ssoAnswer(answer.name()));
    }

    @PreDestroy
    void remove() {
        if (installed != null) {
            installed.close();
        }
    }
}
