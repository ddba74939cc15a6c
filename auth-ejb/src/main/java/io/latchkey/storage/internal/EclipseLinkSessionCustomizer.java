package io.latchkey.storage.internal;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * EclipseLink (Payara Micro and Payara Server) re-runs a read query that failed on a lost
 * connection outside a transaction, by default up to three times with 5 s between attempts (seen
 * with EclipseLink 4.0.7 in Payara 6.2025.10: a token check during a database outage answered 503
 * after 10 s while sign-ins, which run in a transaction, answered at once). The server's pool
 * already validates connections and drops every one after a failure, so one immediate retry on a
 * fresh connection is all the retry can still win; waiting between attempts only delays the 503
 * that tells the client to come back. Named by {@code eclipselink.session.customizer} in
 * persistence.xml; other JPA providers (Hibernate on WildFly) ignore the property and never load
 * this class.
 */
public class EclipseLinkSessionCustomizer implements SessionCustomizer {

    static final int QUERY_RETRY_ATTEMPTS = 1;
    static final int DELAY_BETWEEN_ATTEMPTS_MILLIS = 0;

    @Override
    public void customize(Session session) {
        DatabaseLogin login = session.getLogin();
        login.setQueryRetryAttemptCount(QUERY_RETRY_ATTEMPTS);
        login.setDelayBetweenConnectionAttempts(DELAY_BETWEEN_ATTEMPTS_MILLIS);
    }
}
