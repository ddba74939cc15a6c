package io.latchkey.web.api;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.latchkey.request.ClientAddresses;
import io.latchkey.request.CurrentRequest;
import io.latchkey.request.RequestOrigin;

/**
 * Records where each API request comes from, for rate limits and the audit trail, and hands the
 * client the request id ({@code X-Request-Id}) that the audit trail and the log file it under.
 */
@WebFilter("/api/*")
public class RequestOriginFilter extends HttpFilter {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    @Inject
    ClientAddresses addresses;

    @Inject
    CurrentRequest current;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestOrigin origin = RequestOrigin.of(addresses.clientOf(request.getRemoteAddr(), forwardedFor(request)),
                request.getHeader("User-Agent"));
        current.begin(origin);
        response.setHeader("X-Request-Id", origin.requestId());
        chain.doFilter(request, response);
    }

    /**
     * Every X-Forwarded-For line, in order: reading only the first would let a client's forged
     * line win over the one a proxy appended after it.
     */
    static List<String> forwardedFor(HttpServletRequest request) {
        Enumeration<String> lines = request.getHeaders(FORWARDED_FOR);
        return lines == null ? List.of() : Collections.list(lines);
    }
}
