package io.antechamber.api.webhook;

import io.antechamber.command.watcher.TargetAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The webhook client's DNS: resolves the host once and keeps only the addresses a webhook may go to, so the address
 * checked is the address connected to. A name that resolved to a public address at registration and to a private one
 * now (DNS rebinding) is refused here, at connect time.
 */
public class AllowedAddressResolver implements DnsResolver {

    private final TargetAddresses targets;

    public AllowedAddressResolver(TargetAddresses targets) {
        this.targets = targets;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        List<InetAddress> allowed = new ArrayList<>();
        String refusal = null;
        for (InetAddress address : InetAddress.getAllByName(host)) {
            Optional<String> why = targets.refusal(address);
            if (why.isEmpty()) {
                allowed.add(address);
            } else {
                refusal = why.get();
            }
        }
        if (allowed.isEmpty()) {
            throw new RefusedTargetException("webhook host " + host + " " + refusal
                    + "; private targets are not allowed (antechamber.webhooks.allow-private-targets)");
        }
        return allowed.toArray(InetAddress[]::new);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }
}
