package io.antechamber.api.web;

import io.antechamber.api.config.AntechamberProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.catalina.util.NetMask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The address of the client behind a request, for limits on calls that carry no valid credential.
 * {@code X-Forwarded-For} is believed only when the direct peer is one of {@code antechamber.trusted-proxies}; then the
 * client is the right-most address in it that is not itself a trusted proxy (everything left of that was written by
 * the client and may be forged). Neither Spring's ForwardedHeaderFilter (trusts every peer, takes the left-most
 * address) nor Tomcat's RemoteIpValve (proxies as regular expressions, and by default every private address) says
 * "only these addresses or CIDR blocks"; Tomcat's {@link NetMask}, which its RemoteCIDRValve uses, matches them.
 */
@Component
public class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d+(\\.\\d+){3}):\\d+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int MAX_ADDRESS_LENGTH = 64;

    private final List<NetMask> trustedProxies;

    @Autowired
    public ClientAddress(AntechamberProperties properties) {
        this(properties.trustedProxies());
    }

    ClientAddress(List<String> trustedProxies) {
        List<NetMask> masks = new ArrayList<>();
        for (String entry : trustedProxies) {
            String trimmed = entry.trim();
            if (!trimmed.isEmpty()) {
                masks.add(mask(trimmed));
            }
        }
        this.trustedProxies = List.copyOf(masks);
    }

    /**
     * Whether the browser reached us over HTTPS: the connection itself, or a trusted proxy's
     * {@code X-Forwarded-Proto: https} (the last value, which the proxy next to us wrote) when TLS ends there.
     */
    public boolean viaHttps(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        List<String> protos = Collections.list(request.getHeaders(FORWARDED_PROTO));
        if (protos.isEmpty() || !isTrusted(request.getRemoteAddr())) {
            return false;
        }
        String[] last = protos.get(protos.size() - 1).split(",");
        return "https".equalsIgnoreCase(last[last.length - 1].trim());
    }

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), Collections.list(request.getHeaders(FORWARDED_FOR)));
    }

    /** The client, given the direct peer and every {@code X-Forwarded-For} header in the order received. */
    String of(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = normalized(hops.get(i));
            if (!isTrusted(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        Optional<InetAddress> parsed = literal(address);
        return parsed.isPresent() && trustedProxies.stream().anyMatch(mask -> mask.matches(parsed.get()));
    }

    /** The canonical text of an address literal (so one client has one bucket); anything else as given, capped. */
    private static String normalized(String hop) {
        String bare = hop.startsWith("[") && hop.contains("]") ? hop.substring(1, hop.indexOf(']')) : hop;
        var withPort = IPV4_WITH_PORT.matcher(bare);
        if (withPort.matches()) {
            bare = withPort.group(1);
        }
        return literal(bare).map(InetAddress::getHostAddress)
                .orElse(hop.length() > MAX_ADDRESS_LENGTH ? hop.substring(0, MAX_ADDRESS_LENGTH) : hop);
    }

    /** Parses an IP address literal, never a host name: a forwarded header must not make us query DNS. */
    private static Optional<InetAddress> literal(String text) {
        if (text == null || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static NetMask mask(String entry) {
        String address = entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : entry;
        if (literal(address).isEmpty()) {
            throw new IllegalArgumentException("antechamber.trusted-proxies: '" + entry
                    + "' is not an IP address or CIDR block (host names are not accepted)");
        }
        return new NetMask(entry);
    }
}
