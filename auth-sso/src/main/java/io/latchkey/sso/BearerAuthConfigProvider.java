package io.latchkey.sso;

import java.util.Map;
import java.util.Optional;

import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;

/** The Jakarta Authentication plumbing (provider, config, context) around one {@link BearerTokenAuthModule}. */
final class BearerAuthConfigProvider implements AuthConfigProvider {

    static final String LAYER = "HttpServlet";

    private final BearerVerifier verifier;
    private final Optional<BrowserSessions> browser;
    private final SsoOptions options;
    private final SsoListener listener;

    BearerAuthConfigProvider(BearerVerifier verifier, Optional<BrowserSessions> browser, SsoOptions options, SsoListener listener) {
        this.verifier = verifier;
        this.browser = browser;
        this.options = options;
        this.listener = listener;
    }

    @Override
    public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler) {
        return null;
    }

    @Override
    public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler) {
        return new Config(appContext, handler);
    }

    @Override
    public void refresh() {
        // nothing cached per application
    }

    private final class Config implements ServerAuthConfig {
        private final String appContext;
        private final ServerAuthContext context;

        Config(String appContext, CallbackHandler handler) {
            this.appContext = appContext;
            this.context = context(handler);
        }

        /** The container asks for a context on every request; the module keeps no per-request state, so one serves all. */
        @Override
        public ServerAuthContext getAuthContext(String authContextId, Subject serviceSubject,
                @SuppressWarnings("rawtypes") Map properties) {
            return context;
        }

        @Override
        public String getMessageLayer() {
            return LAYER;
        }

        @Override
        public String getAppContext() {
            return appContext;
        }

        @Override
        public String getAuthContextID(MessageInfo messageInfo) {
            return appContext;
        }

        @Override
        public void refresh() {
            // nothing to reload
        }

        @Override
        public boolean isProtected() {
            return false;
        }
    }

    private ServerAuthContext context(CallbackHandler handler) {
        BearerTokenAuthModule module = new BearerTokenAuthModule(verifier, browser, options, listener);
        module.initialize(null, null, handler, Map.of());
        return new ServerAuthContext() {
            @Override
            public AuthStatus validateRequest(MessageInfo messageInfo, Subject clientSubject, Subject service)
                    throws AuthException {
                return module.validateRequest(messageInfo, clientSubject, service);
            }

            @Override
            public AuthStatus secureResponse(MessageInfo messageInfo, Subject service) {
                return module.secureResponse(messageInfo, service);
            }

            @Override
            public void cleanSubject(MessageInfo messageInfo, Subject subject) {
                module.cleanSubject(messageInfo, subject);
            }
        };
    }

    /** Registers with the server's factory; what it returns are the ids to remove again. */
    java.util.List<String> register(AuthConfigFactory factory) {
        String description = "Latchkey bearer tokens" + (browser.isPresent() ? " and browser sessions" : "");
        if (options.global()) {
            return java.util.List.of(factory.registerConfigProvider(this, LAYER, null, description));
        }
        return options.appContexts().stream()
                .map(appContext -> factory.registerConfigProvider(this, LAYER, appContext, description))
                .toList();
    }
}
