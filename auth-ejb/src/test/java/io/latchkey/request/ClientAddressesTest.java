package io.latchkey.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.MapConfig;

class ClientAddressesTest {

    private final ClientAddresses behindProxies = ClientAddresses.trusting(List.of("10.0.0.0/8", "::1"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("203.0.113.9", ClientAddresses.trusting(List.of()).clientOf("203.0.113.9", "198.51.100.1"));
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() {
        assertEquals("203.0.113.9", behindProxies.clientOf("203.0.113.9", "198.51.100.1"));
    }

    @Test
    void theRightmostAddressThatIsNoTrustedProxyIsTheClient() {
        // The client wrote 1.2.3.4 itself; 198.51.100.7 is what our first proxy saw.
        assertEquals("198.51.100.7", behindProxies.clientOf("10.1.1.1", "1.2.3.4, 198.51.100.7, 10.2.2.2"));
        assertEquals("198.51.100.7", behindProxies.clientOf("0:0:0:0:0:0:0:1", "198.51.100.7"));
    }

    @Test
    void everyHeaderLineCountsInOrderSoALineAProxyAppendedWins() {
        // The client sent its own line; our proxy (HAProxy option forwardfor) appended another.
        assertEquals("198.51.100.7", behindProxies.clientOf("10.1.1.1", List.of("1.2.3.4", "198.51.100.7")));
        assertEquals("198.51.100.7", behindProxies.clientOf("10.1.1.1", List.of("1.2.3.4, 5.6.7.8", "198.51.100.7, 10.2.2.2")));
        assertEquals("10.1.1.1", behindProxies.clientOf("10.1.1.1", List.of()));
    }

    @Test
    void garbageInTheHeaderStopsTheWalk() {
        assertEquals("10.2.2.2", behindProxies.clientOf("10.1.1.1", "example.org, 10.2.2.2"));
        assertEquals("10.1.1.1", behindProxies.clientOf("10.1.1.1", "\r\nX-Evil: 1"));
    }

    @Test
    void hostNamesAndBadBlocksAreRefusedAsSettings() {
        assertThrows(InvalidSettingException.class, () -> ClientAddresses.trusting(List.of("proxy.internal")));
        assertThrows(InvalidSettingException.class, () -> ClientAddresses.trusting(List.of("10.0.0.0/33")));
        assertThrows(InvalidSettingException.class, () -> ClientAddresses.trusting(List.of("cafe")));
    }

    @Test
    void theTrustedProxiesComeFromTheirSettingAndNoneAreTrustedWithoutIt() {
        ClientAddresses configured = ClientAddresses.from(MapConfig.reader(Map.of(ClientAddresses.TRUSTED_PROXIES, "10.0.0.0/8, ::1")));
        assertEquals("198.51.100.7", configured.clientOf("10.1.1.1", "198.51.100.7"));
        assertEquals("10.1.1.1", ClientAddresses.from(MapConfig.reader(Map.of())).clientOf("10.1.1.1", "198.51.100.7"));
    }

    @Test
    void aBadTrustedProxySettingNamesTheKey() {
        InvalidSettingException bad = assertThrows(InvalidSettingException.class,
                () -> ClientAddresses.from(MapConfig.reader(Map.of(ClientAddresses.TRUSTED_PROXIES, "proxy.internal"))));
        assertEquals(ClientAddresses.TRUSTED_PROXIES, bad.key());
    }
}
