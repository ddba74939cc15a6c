package io.latchkey.ratelimit.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a per-address limit counts: an IPv4 address itself, an IPv6 address by its /64 prefix. One
 * IPv6 subscriber is usually given a whole /64 (RFC 6177, RFC 8273), so counting single addresses
 * would hand each client 2^64 fresh budgets. An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d})
 * is the IPv4 address it carries.
 */
public final class AddressBucket {

    private static final int PREFIX_BYTES = 8;

    private AddressBucket() {
    }

    /** The bucket subject for a client address as the request origin gives it; text that is no address is kept as is. */
    public static String of(String clientIp) {
        if (!isLiteral(clientIp)) {
            return clientIp;
        }
        InetAddress address;
        try {
            // Literal addresses only (checked above), so no name lookup can happen.
            address = InetAddress.getByName(clientIp);
        } catch (UnknownHostException e) {
            return clientIp;
        }
        if (address instanceof Inet4Address) {
            // Also what Java makes of an IPv4-mapped IPv6 literal.
            return address.getHostAddress();
        }
        byte[] prefix = Arrays.copyOf(address.getAddress(), PREFIX_BYTES);
        return "ipv6/64:" + HexFormat.of().formatHex(prefix);
    }

    private static boolean isLiteral(String text) {
        return text != null && text.length() <= 45
                && (text.matches("\\d{1,3}(\\.\\d{1,3}){3}") || text.contains(":") && text.matches("[0-9A-Fa-f:.]+"));
    }
}
