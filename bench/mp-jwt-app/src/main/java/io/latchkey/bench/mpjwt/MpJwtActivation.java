package io.latchkey.bench.mpjwt;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Turns on Payara's own MicroProfile JWT mechanism for this WAR; the servlet and its web.xml
 * constraint are legacy.war's, unchanged (a Maven overlay). No resources: Payara enables MP-JWT for
 * the whole application when it finds {@code @LoginConfig(authMethod = "MP-JWT")} on the JAX-RS
 * application class, as the system tests' {@code MpJwtApplication} does.
 */
@ApplicationPath("mp-jwt")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles("user")
public class MpJwtActivation extends Application {
}
