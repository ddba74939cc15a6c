package io.latchkey.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressBucketTest {

    @Test
    void anIpv4AddressIsItsOwnBucket() {
        assertThat(AddressBucket.of("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(AddressBucket.of("198.51.100.8")).isNotEqualTo(AddressBucket.of("198.51.100.7"));
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareABucket() {
        assertThat(AddressBucket.of("2001:db8:1:2::1")).isEqualTo(AddressBucket.of("2001:db8:1:2:ffff:ffff:ffff:ffff"))
                .isEqualTo(AddressBucket.of("2001:0DB8:0001:0002:0:0:0:abcd"));
    }

    @Test
    void neighbouringSlash64sDoNot() {
        assertThat(AddressBucket.of("2001:db8:1:2::1")).isNotEqualTo(AddressBucket.of("2001:db8:1:3::1"));
    }

    @Test
    void anIpv4MappedIpv6AddressIsTheIpv4Address() {
        assertThat(AddressBucket.of("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(AddressBucket.of("::ffff:198.51.100.8")).isNotEqualTo(AddressBucket.of("::ffff:198.51.100.7"));
    }

    @Test
    void whatIsNoAddressStaysAsItIs() {
        assertThat(AddressBucket.of("-")).isEqualTo("-");
        assertThat(AddressBucket.of("example.org")).isEqualTo("example.org");
    }
}
