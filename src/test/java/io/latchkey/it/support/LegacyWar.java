package io.latchkey.it.support;

import java.io.File;
import java.nio.file.Path;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import io.latchkey.fixtures.legacy.WhoAmIServlet;

/**
 * The unmodified legacy application of the single sign-on suites: one servlet and a web.xml of
 * constraints and roles, with no Latchkey dependency. Deployed at {@code /legacy}: {@code public/}
 * is open, {@code protected/} needs role {@code user}, {@code staff/} needs role {@code staff}.
 */
public final class LegacyWar {

    private LegacyWar() {
    }

    /** Writes {@code legacy.war} into {@code directory}. */
    public static File writeTo(Path directory) {
        File war = directory.resolve("legacy.war").toFile();
        ShrinkWrap.create(WebArchive.class, "legacy.war").addClass(WhoAmIServlet.class)
                .setWebXML(new StringAsset(WEB_XML)).as(ZipExporter.class).exportTo(war, true);
        return war;
    }

    private static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <servlet>
                <servlet-name>whoami</servlet-name>
                <servlet-class>io.latchkey.fixtures.legacy.WhoAmIServlet</servlet-class>
              </servlet>
              <servlet-mapping>
                <servlet-name>whoami</servlet-name>
                <url-pattern>/public/*</url-pattern>
                <url-pattern>/protected/*</url-pattern>
                <url-pattern>/staff/*</url-pattern>
              </servlet-mapping>
              <security-constraint>
                <web-resource-collection>
                  <web-resource-name>protected</web-resource-name>
                  <url-pattern>/protected/*</url-pattern>
                </web-resource-collection>
                <auth-constraint><role-name>user</role-name></auth-constraint>
              </security-constraint>
              <security-constraint>
                <web-resource-collection>
                  <web-resource-name>staff</web-resource-name>
                  <url-pattern>/staff/*</url-pattern>
                </web-resource-collection>
                <auth-constraint><role-name>staff</role-name></auth-constraint>
              </security-constraint>
              <security-role><role-name>user</role-name></security-role>
              <security-role><role-name>staff</role-name></security-role>
            </web-app>
            """;
}
