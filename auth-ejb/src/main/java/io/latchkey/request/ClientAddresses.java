package io.latchkey.request;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.SettingsReader;

/**
 * Finds the client's address. {@code X-Forwarded-For} is believed only as far as it was written
 * by trusted proxies: walking it from the right, the first address that is not a trusted proxy is
 * the client. A client can put anything at the left end, so nothing left of that is read.
 */
public final class ClientAddresses {

    public static final String TRUSTED_PROXIES = "latchkey.http.trusted-proxies";

    private final List<Range> trusted;

    private ClientAddresses(List<Range> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** The proxies configured under {@value #TRUSTED_PROXIES}; none by default. */
    public static ClientAddresses from(SettingsReader settings) {
        return trusting(settings.list(TRUSTED_PROXIES, List.of()));
    }

    /** {@code proxies}: addresses or CIDR blocks, IPv4 or IPv6; literal addresses only, never host names. */
    public static ClientAddresses trusting(List<String> proxies) {
        return new ClientAddresses(proxies.stream().map(ClientAddresses::range).toList());
    }

    /**
     * {@code forwardedFor}: every {@code X-Forwarded-For} line of the request, in the order
     * received. A proxy may append its own line instead of extending the client's (HAProxy's
     * {@code option forwardfor}); the lines joined in order are one list, whose right end the
     * nearest proxy wrote (RFC 9110, 5.3: a field's lines combine, in order, as one list).
     */
    public String clientOf(String peer, List<String> forwardedFor) {
        return clientOf(peer, forwardedFor.isEmpty() ? null : String.join(",", forwardedFor));
    }

    /** {@code forwardedFor}: the header's value as one comma-separated list, or null when absent. */
    public String clientOf(String peer, String forwardedFor) {
        if (forwardedFor == null || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (address(hop).isEmpty()) {
                return client; // garbage: stop at the last address a trusted proxy vouched for
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String ip) {
        Optional<byte[]> address = address(ip);
        return address.isPresent() && trusted.stream().anyMatch(r -> r.contains(address.get()));
    }

    /** Parses only literal addresses, so no lookup can ever happen. */
    private static Optional<byte[]> address(String text) {
        boolean literal = text.length() <= 45
                && (text.matches("\\d{1,3}(\\.\\d{1,3}){3}") || text.contains(":") && text.matches("[0-9A-Fa-f:.]+"));
        if (!literal) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Range range(String spec) {
        String[] parts = spec.split("/", 2);
        byte[] network = address(parts[0]).orElseThrow(
                () -> new InvalidSettingException(TRUSTED_PROXIES, "'" + spec + "' is not an IP address or CIDR block"));
        int bits = network.length * 8;
        if (parts.length == 2) {
            try {
                bits = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > network.length * 8) {
                throw new InvalidSettingException(TRUSTED_PROXIES, "'" + spec + "' has an invalid prefix length");
            }
        }
        return new Range(network, bits);
    }

    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int shift = network.length * 8 - bits;
            return new BigInteger(1, address).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        }
    }

    /** Built once from MicroProfile Config. */
    @ApplicationScoped
    public static class Producer {

        @Produces
        @Singleton
        ClientAddresses clientAddresses(SettingsReader settings) {
            return ClientAddresses.from(settings);
        }
    }
}
