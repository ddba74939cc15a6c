package io.latchkey.it.support;

import java.io.File;
import java.nio.file.Path;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import io.latchkey.fixtures.oidc.OpenIdClientSettings;
import io.latchkey.fixtures.oidc.PayaraCallback;
import io.latchkey.fixtures.oidc.PayaraLogout;
import io.latchkey.fixtures.oidc.SignedOutPage;
import io.latchkey.fixtures.oidc.WhoAmIPage;
import io.latchkey.fixtures.oidc.WildFlyLogout;

/**
 * Applications that sign people in through Latchkey with the OpenID Connect clients their servers
 * ship, and nothing of Latchkey: {@code protected} needs any signed-in person and shows the principal
 * and role {@code user}; {@code users-only} needs role {@code user}; {@code logout} signs out through
 * the provider; {@code signed-out} is the post-logout redirect URI.
 */
public final class OidcFixtureWars {

    private OidcFixtureWars() {
    }

    /** A Jakarta EE 10 application with Jakarta Security's {@code @OpenIdAuthenticationMechanismDefinition}, for Payara. */
    public static File payara(Path directory, String name, String issuer, String clientId, String clientSecret) {
        File war = directory.resolve(name + ".war").toFile();
        ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(OpenIdClientSettings.class, WhoAmIPage.class, SignedOutPage.class, PayaraCallback.class, PayaraLogout.class)
                .setWebXML(new StringAsset(webXml("""
                          <context-param><param-name>oidc.provider-uri</param-name><param-value>%s</param-value></context-param>
                          <context-param><param-name>oidc.client-id</param-name><param-value>%s</param-value></context-param>
                          <context-param><param-name>oidc.client-secret</param-name><param-value>%s</param-value></context-param>
                        """.formatted(xml(issuer), xml(clientId), xml(clientSecret)),
                        PayaraCallback.class.getName(), "/Callback", PayaraLogout.class.getName(), "", "")))
                // Payara maps roles to groups per application (or with default principal-to-role mapping, server-wide).
                .addAsWebInfResource(new StringAsset("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <!DOCTYPE glassfish-web-app PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 Servlet 3.0//EN" "http://glassfish.org/dtds/glassfish-web-app_3_0-1.dtd">
                        <glassfish-web-app>
                          <security-role-mapping><role-name>user</role-name><group-name>user</group-name></security-role-mapping>
                          <security-role-mapping><role-name>staff</role-name><group-name>staff</group-name></security-role-mapping>
                        </glassfish-web-app>
                        """), "glassfish-web.xml")
                .addAsWebInfResource(new StringAsset("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="all"/>
                        """), "beans.xml")
                .as(ZipExporter.class).exportTo(war, true);
        return war;
    }

    /**
     * A plain servlet WAR for WildFly 39: {@code WEB-INF/oidc.json} and {@code <auth-method>OIDC}, a
     * public client with PKCE. The redirect URI elytron-oidc-client sends is the URL of the protected
     * page first asked for ({@code /<name>/protected}), so that is what the provider must have registered.
     */
    public static File wildfly(Path directory, String name, String oidcJson, String clientId, String endSessionEndpoint,
            String postLogoutRedirectUri) {
        File war = directory.resolve(name + ".war").toFile();
        ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(WhoAmIPage.class, SignedOutPage.class, WildFlyLogout.class)
                .setWebXML(new StringAsset(webXml("""
                          <context-param><param-name>oidc.client-id</param-name><param-value>%s</param-value></context-param>
                          <context-param><param-name>oidc.end-session-endpoint</param-name><param-value>%s</param-value></context-param>
                          <context-param><param-name>oidc.post-logout-redirect-uri</param-name><param-value>%s</param-value></context-param>
                        """.formatted(xml(clientId), xml(endSessionEndpoint), xml(postLogoutRedirectUri)),
                        null, null, WildFlyLogout.class.getName(), """
                          <login-config><auth-method>OIDC</auth-method></login-config>
                        """, """
                          <security-constraint>
                            <web-resource-collection><web-resource-name>logout</web-resource-name><url-pattern>/logout</url-pattern></web-resource-collection>
                            <auth-constraint><role-name>**</role-name></auth-constraint>
                          </security-constraint>
                        """)))
                .addAsWebInfResource(new StringAsset(oidcJson), "oidc.json")
                .as(ZipExporter.class).exportTo(war, true);
        return war;
    }

    /**
     * The {@code oidc.json} of a public client with PKCE, as WildFly's documentation describes it.
     * No {@code scope}: at WildFly 39's default stability level the deployment is refused with
     * WFLYOIDC0009 ("Oidc attribute 'scope' is not supported with the current stability level"), so
     * the client asks for {@code openid} alone. The expected issuer is {@code provider-url} itself,
     * and {@code token-signature-algorithm} (default RS256) must be the provider's ID token algorithm.
     */
    public static String wildflyOidcJson(String issuer, String clientId, String signatureAlgorithm) {
        return """
                {
                  "provider-url": "%s",
                  "client-id": "%s",
                  "public-client": true,
                  "enable-pkce": true,
                  "ssl-required": "external",
                  "principal-attribute": "preferred_username",
                  "token-signature-algorithm": "%s"
                }
                """.formatted(issuer, clientId, signatureAlgorithm);
    }

    private static String webXml(String contextParams, String callbackClass, String callbackPath, String logoutClass,
            String loginConfig, String extraConstraints) {
        String callback = callbackClass == null ? "" : """
                  <servlet><servlet-name>callback</servlet-name><servlet-class>%s</servlet-class></servlet>
                  <servlet-mapping><servlet-name>callback</servlet-name><url-pattern>%s</url-pattern></servlet-mapping>
                """.formatted(callbackClass, callbackPath);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                %s
                  <servlet><servlet-name>whoami</servlet-name><servlet-class>%s</servlet-class></servlet>
                  <servlet-mapping><servlet-name>whoami</servlet-name><url-pattern>/protected</url-pattern><url-pattern>/users-only</url-pattern></servlet-mapping>
                  <servlet><servlet-name>signed-out</servlet-name><servlet-class>%s</servlet-class></servlet>
                  <servlet-mapping><servlet-name>signed-out</servlet-name><url-pattern>/signed-out</url-pattern></servlet-mapping>
                  <servlet><servlet-name>logout</servlet-name><servlet-class>%s</servlet-class></servlet>
                  <servlet-mapping><servlet-name>logout</servlet-name><url-pattern>/logout</url-pattern></servlet-mapping>
                %s
                  <security-constraint>
                    <web-resource-collection><web-resource-name>protected</web-resource-name><url-pattern>/protected</url-pattern></web-resource-collection>
                    <auth-constraint><role-name>**</role-name></auth-constraint>
                  </security-constraint>
                  <security-constraint>
                    <web-resource-collection><web-resource-name>users-only</web-resource-name><url-pattern>/users-only</url-pattern></web-resource-collection>
                    <auth-constraint><role-name>user</role-name></auth-constraint>
                  </security-constraint>
                %s
                  <security-role><role-name>user</role-name></security-role>
                  <security-role><role-name>staff</role-name></security-role>
                %s
                </web-app>
                """.formatted(contextParams, WhoAmIPage.class.getName(), SignedOutPage.class.getName(), logoutClass,
                callback, extraConstraints, loginConfig);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
