package io.antechamber.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antechamber.command.watcher.TargetAddresses;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook client's DNS gives it only addresses a webhook may go to: the check is on what is connected to. */
class AllowedAddressResolverTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "10.1.2.3", "169.254.169.254", "::1", "224.0.0.1"})
    void an_internal_address_is_refused_when_private_targets_are_not_allowed(String host) {
        AllowedAddressResolver resolver = new AllowedAddressResolver(new TargetAddresses(false));

        assertThatThrownBy(() -> resolver.resolve(host)).isInstanceOf(RefusedTargetException.class)
                .hasMessageContaining("allow-private-targets");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3"})
    void an_internal_address_is_given_when_private_targets_are_allowed(String host) throws Exception {
        AllowedAddressResolver resolver = new AllowedAddressResolver(new TargetAddresses(true));

        assertThat(resolver.resolve(host)).containsExactly(InetAddress.getByName(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.10", "2001:db8::1"})
    void a_public_address_is_given(String host) throws Exception {
        AllowedAddressResolver resolver = new AllowedAddressResolver(new TargetAddresses(false));

        assertThat(resolver.resolve(host)).containsExactly(InetAddress.getByName(host));
        assertThat(resolver.resolve(host, 443)).hasSize(1);
    }
}
