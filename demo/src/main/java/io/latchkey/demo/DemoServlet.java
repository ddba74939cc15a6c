package io.latchkey.demo;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Pages A and B and the managers' page: who the container says the caller is, which roles it
 * grants, and a form whose POST shows that a request body survives (the sign-in renews itself
 * without a redirect). Plain Servlet API only, as a legacy application would be.
 */
@WebServlet({"/a", "/b", "/manager", "/logout"})
public class DemoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/logout".equals(request.getServletPath())) {
            logOut(request, response);
            return;
        }
        render(request, response, null);
    }

    /** The application's own log-out, as legacy applications write it. */
    private static void logOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            request.logout();
        } catch (jakarta.servlet.ServletException e) {
            throw new IOException(e);
        }
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        render(request, response, request.getParameter("note"));
    }

    private static void render(HttpServletRequest request, HttpServletResponse response, String note) throws IOException {
        String page = request.getServletPath().substring(1);
        String name = request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Demo page " + escape(page)
                + "</title></head><body>");
        out.println("<h1 id=\"page\">" + escape(page) + "</h1>");
        out.println("<dl><dt>Signed in as</dt><dd id=\"principal\">" + escape(name) + "</dd>");
        out.println("<dt>Authentication</dt><dd id=\"auth-type\">" + escape(String.valueOf(request.getAuthType())) + "</dd>");
        out.println("<dt>Role user</dt><dd id=\"role-user\">" + request.isUserInRole("user") + "</dd>");
        out.println("<dt>Role manager</dt><dd id=\"role-manager\">" + request.isUserInRole("manager") + "</dd></dl>");
        if (note != null) {
            out.println("<p id=\"saved\">Saved: " + escape(note) + "</p>");
        }
        out.println("<form method=\"post\"><label>Note <input id=\"note\" name=\"note\"></label>"
                + "<button id=\"save\" type=\"submit\">Save</button></form>");
        String root = request.getContextPath();
        out.println("<nav><a id=\"to-a\" href=\"" + root + "/a\">Page A</a> | <a id=\"to-b\" href=\"" + root + "/b\">Page B</a> | "
                + "<a id=\"to-manager\" href=\"" + root + "/manager\">Managers</a> | "
                + "<a id=\"sign-out\" href=\"/auth/logout?return=" + root + "/\">Sign out</a> | "
                + "<a id=\"app-logout\" href=\"" + root + "/logout\">Log out (the application's own)</a></nav>");
        out.println("</body></html>");
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
