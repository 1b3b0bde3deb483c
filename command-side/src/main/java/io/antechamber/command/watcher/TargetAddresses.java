package io.antechamber.command.watcher;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may be sent to: not the server itself, nor the networks behind it (API.md "Watchers":
 * loopback, private, link-local and multicast are refused unless private targets are allowed). Checked when a watcher
 * is registered and again, by the sender, on the address it connects to, so a name that later resolves elsewhere
 * (DNS rebinding) still cannot reach inside.
 */
public final class TargetAddresses {

    private final boolean allowPrivate;

    public TargetAddresses(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /** Why a webhook may not go to this address, or empty if it may. */
    public Optional<String> refusal(InetAddress address) {
        return allowPrivate ? Optional.empty() : internalKind(address).map(kind -> "resolves to a " + kind + " address");
    }

    /** Every address of the host, for {@link #refusal} each; a host that does not resolve is an UnknownHostException. */
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }

    /** The kind of internal address this is ("loopback", "private", …), or empty for a public one. */
    public static Optional<String> internalKind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address instanceof Inet4Address v4) {
            return ipv4Kind(v4.getAddress());
        }
        return ipv6Kind(address.getAddress());
    }

    private static Optional<String> ipv4Kind(byte[] a) {
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if (first == 0) {
            return Optional.of("unspecified");
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return Optional.of("carrier-grade NAT");
        }
        if (first == 192 && second == 0 && (a[2] & 0xff) == 0) {
            return Optional.of("reserved");
        }
        if (first == 198 && (second & 0xfe) == 18) {
            return Optional.of("reserved");
        }
        if (first >= 240) {
            return Optional.of(first == 255 && second == 255 && (a[2] & 0xff) == 255 && (a[3] & 0xff) == 255
                    ? "broadcast" : "reserved");
        }
        return Optional.empty();
    }

    /**
     * Java's checks know IPv6 loopback, link-local, site-local (fec0::/10) and multicast; unique local addresses
     * (fc00::/7) and the forms that carry an IPv4 address inside (IPv4-compatible, NAT64 64:ff9b::/96, 6to4
     * 2002::/16) are checked here, the embedded IPv4 address like any other; the local-use NAT64 prefix
     * 64:ff9b:1::/48 leads only into its operator's own networks and is refused whole.
     */
    private static Optional<String> ipv6Kind(byte[] a) {
        if ((a[0] & 0xfe) == 0xfc) {
            return Optional.of("private");
        }
        if (leadingZeros(a, 12)) {
            return embedded(a, 12);
        }
        if ((a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
                && leadingZeros(a, 12, 4)) {
            return embedded(a, 12);
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
            return embedded(a, 2);
        }
        if ((a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
                && (a[4] & 0xff) == 0x00 && (a[5] & 0xff) == 0x01) {
            return Optional.of("local-use NAT64"); // 64:ff9b:1::/48 (RFC 8215): translates to a network of its own
        }
        return Optional.empty();
    }

    private static boolean leadingZeros(byte[] a, int upTo) {
        return leadingZeros(a, upTo, 0);
    }

    private static boolean leadingZeros(byte[] a, int upTo, int from) {
        for (int i = from; i < upTo; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> embedded(byte[] a, int offset) {
        byte[] v4 = {a[offset], a[offset + 1], a[offset + 2], a[offset + 3]};
        try {
            return internalKind(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
