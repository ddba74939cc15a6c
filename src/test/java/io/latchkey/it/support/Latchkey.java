package io.latchkey.it.support;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The artifact under test: the WAR the build produced, not a hand-picked class list. */
public final class Latchkey {

    /** The issuer a default installation puts in its tokens. */
    public static final String DEFAULT_ISSUER = "http://localhost:8080/auth";
    public static final String DEFAULT_AUDIENCE = "latchkey";

    private Latchkey() {
    }

    public static WebArchive war() {
        File war = new File(System.getProperty("latchkey.war", "../../auth-web/target/auth.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Build the WAR first (mvn package): missing " + war.getAbsolutePath());
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
