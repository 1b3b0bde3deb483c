package io.antechamber.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", " 192.168.1.5 ", "fd00::/8"));

    @Test
    void without_trusted_proxies_the_peer_is_the_client_whatever_it_forwards() {
        assertThat(new ClientAddress(List.of()).of("10.1.2.3", List.of("198.51.100.7"))).isEqualTo("10.1.2.3");
    }

    @Test
    void a_peer_that_is_not_trusted_is_the_client_and_its_forwarded_for_is_ignored() {
        assertThat(behindProxies.of("203.0.113.9", List.of("198.51.100.7"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behind_a_trusted_proxy_the_client_is_the_right_most_address_that_is_not_a_proxy() {
        assertThat(behindProxies.of("10.0.0.2", List.of("1.1.1.1, 198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(behindProxies.of("10.0.0.2", List.of("1.1.1.1, 198.51.100.7, 192.168.1.5, 10.9.9.9")))
                .isEqualTo("198.51.100.7");
        assertThat(behindProxies.of("10.0.0.2", List.of("1.1.1.1", "198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void a_client_cannot_pass_for_another_by_prepending_addresses() {
        assertThat(behindProxies.of("10.0.0.2", List.of("6.6.6.6, 7.7.7.7, 198.51.100.7")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void a_trusted_peer_that_forwards_nothing_is_the_client() {
        assertThat(behindProxies.of("10.0.0.2", List.of())).isEqualTo("10.0.0.2");
    }

    @Test
    void when_every_hop_is_a_proxy_the_left_most_is_the_client() {
        assertThat(behindProxies.of("10.0.0.2", List.of("10.0.0.7, 10.0.0.8"))).isEqualTo("10.0.0.7");
    }

    @Test
    void ipv6_ports_and_brackets_are_understood() {
        assertThat(behindProxies.of("fd00::1", List.of("[2001:db8::1]:4711"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(behindProxies.of("10.0.0.2", List.of("198.51.100.7:5555"))).isEqualTo("198.51.100.7");
    }

    @Test
    void something_that_is_not_an_address_is_never_trusted_and_never_looked_up() {
        assertThat(behindProxies.of("10.0.0.2", List.of("localhost"))).isEqualTo("localhost");
        assertThat(behindProxies.of("10.0.0.2", List.of("unknown, 10.0.0.9"))).isEqualTo("unknown");
    }

    @Test
    void a_host_name_in_the_trusted_list_stops_the_start() {
        assertThatThrownBy(() -> new ClientAddress(List.of("lb"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lb'");
    }
}
