package io.latchkey.it.support;

import java.io.File;
import java.net.URI;
import java.net.URL;

/** A full application server the suites install, configure and deploy the EAR on: Payara Server or WildFly. */
public interface FullServer extends AutoCloseable {

    int httpPort();

    /** Deploys an archive the way the server's own administration tool does. */
    void deploy(File archive);

    /** Stops the server. */
    @Override
    void close();

    /** Latchkey's web module. */
    default URL latchkey() {
        try {
            return URI.create("http://localhost:" + httpPort() + "/auth/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
