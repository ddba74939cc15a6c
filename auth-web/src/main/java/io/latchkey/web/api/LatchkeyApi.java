package io.latchkey.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API at /auth/api. Resources and providers are discovered. */
@ApplicationPath("api")
public class LatchkeyApi extends Application {
}
