package io.latchkey.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import io.latchkey.request.ClientAddresses;
import io.latchkey.request.CurrentRequest;

class RequestOriginFilterTest {

    @Test
    void theClientIsFoundFromEveryForwardedForLineNotOnlyTheFirst() throws Exception {
        // The client forged the first line; the trusted proxy appended the second (HAProxy option forwardfor).
        CurrentRequest current = filter(request("10.0.0.1", List.of("203.0.113.66", "198.51.100.7")));

        assertThat(current.origin().clientIp()).isEqualTo("198.51.100.7");
    }

    @Test
    void withoutTheHeaderThePeerIsTheClient() throws Exception {
        assertThat(filter(request("10.0.0.1", List.of())).origin().clientIp()).isEqualTo("10.0.0.1");
    }

    private static CurrentRequest filter(HttpServletRequest request) throws Exception {
        RequestOriginFilter filter = new RequestOriginFilter();
        filter.addresses = ClientAddresses.trusting(List.of("10.0.0.0/8"));
        filter.current = new CurrentRequest();
        filter.doFilter(request, response(), (req, res) -> { });
        return filter.current;
    }

    private static HttpServletRequest request(String peer, List<String> forwardedFor) {
        Map<String, Object> answers = Map.of("getRemoteAddr", peer);
        return (HttpServletRequest) Proxy.newProxyInstance(RequestOriginFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> "X-Forwarded-For".equalsIgnoreCase((String) args[0])
                            ? Collections.enumeration(forwardedFor) : Collections.emptyEnumeration();
                    case "getHeader" -> "X-Forwarded-For".equalsIgnoreCase((String) args[0]) && !forwardedFor.isEmpty()
                            ? forwardedFor.get(0) : null;
                    default -> answers.get(method.getName());
                });
    }

    private static HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(RequestOriginFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> null);
    }
}
