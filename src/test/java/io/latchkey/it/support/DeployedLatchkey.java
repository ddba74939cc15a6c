package io.latchkey.it.support;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** An in-server suite: Arquillian boots Payara Micro once with the built WAR; each test gets a client. */
@ExtendWith(AwaitFreePort.class)
@ExtendWith(ArquillianExtension.class)
public abstract class DeployedLatchkey {

    @ArquillianResource
    protected URL base;

    protected Api api;

    @Deployment(testable = false)
    static WebArchive latchkey() {
        return Latchkey.war();
    }

    @BeforeEach
    void connect() {
        api = new Api(base);
    }
}
