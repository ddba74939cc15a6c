package io.latchkey.web.api.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class MissingTokenMapper implements ExceptionMapper<MissingTokenException> {

    @Override
    public Response toResponse(MissingTokenException missing) {
        return Problems.response(ProblemType.TOKEN_REQUIRED, missing.getMessage())
                .header(HttpHeaders.WWW_AUTHENTICATE, Problems.BEARER)
                .build();
    }
}
