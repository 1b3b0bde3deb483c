package io.antechamber.command.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Literal addresses only: InetAddress.getByName parses them without asking DNS. */
class TargetAddressesTest {

    private final TargetAddresses strict = new TargetAddresses(false);
    private final TargetAddresses allowingPrivate = new TargetAddresses(true);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, loopback",
            "127.255.0.9, loopback",
            "::1, loopback",
            "0.0.0.0, unspecified",
            "::, unspecified",
            "0.1.2.3, unspecified",
            "10.0.0.1, private",
            "172.16.0.1, private",
            "172.31.255.255, private",
            "192.168.1.1, private",
            "fc00::1, private",
            "fd12:3456::1, private",
            "fec0::1, private",
            "169.254.169.254, link-local",
            "fe80::1, link-local",
            "224.0.0.1, multicast",
            "ff02::1, multicast",
            "100.64.0.1, carrier-grade NAT",
            "100.127.255.254, carrier-grade NAT",
            "192.0.0.8, reserved",
            "198.18.0.1, reserved",
            "240.0.0.1, reserved",
            "255.255.255.255, broadcast",
            "::ffff:127.0.0.1, loopback",
            "::ffff:10.1.2.3, private",
            "::10.1.2.3, private",
            "64:ff9b::a9fe:a9fe, link-local",
            "64:ff9b:1::a00:1, local-use NAT64",
            "64:ff9b:1:ffff::808:808, local-use NAT64",
            "2002:c0a8:0101::1, private",
    })
    void internal_addresses_are_refused(String address, String kind) throws UnknownHostException {
        InetAddress parsed = InetAddress.getByName(address);

        assertThat(TargetAddresses.internalKind(parsed)).contains(kind);
        assertThat(strict.refusal(parsed)).contains("resolves to a " + kind + " address");
        assertThat(allowingPrivate.refusal(parsed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.32.0.1",
            "192.0.1.1", "198.20.0.1", "2606:4700:4700::1111", "64:ff9b::808:808", "2002:0808:0808::1"})
    void public_addresses_are_allowed(String address) throws UnknownHostException {
        InetAddress parsed = InetAddress.getByName(address);

        assertThat(TargetAddresses.internalKind(parsed)).isEmpty();
        assertThat(strict.refusal(parsed)).isEmpty();
    }
}
