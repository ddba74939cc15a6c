package io.latchkey.bench.legacy;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The same small answer behind a constraint and without one, so the load run measures only the security. */
public class HelloServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write("hello " + (request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName()));
    }
}
