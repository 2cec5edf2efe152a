package dev.portcullis.review;

import dev.portcullis.domain.Cidr;

import java.util.List;

/**
 * Whether a prefix reaches addresses of the public internet: it is public unless it lies wholly inside
 * a block reserved for private, shared, loopback, link-local, documentation or other special use
 * (the IANA special-purpose registries, as Python's {@code is_global} reads them).
 */
final class PublicAddresses {

    private static final List<Cidr> SPECIAL = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
            "224.0.0.0/4", "240.0.0.0/4",
            "::/127", "::ffff:0:0/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "fc00::/7",
            "fe80::/10", "ff00::/8")
            .stream().map(text -> Cidr.parse(text).orElseThrow()).toList();

    private PublicAddresses() {
    }

    static boolean isPublic(Cidr prefix) {
        Cidr network = prefix.network();
        return SPECIAL.stream().noneMatch(block -> block.contains(network));
    }
}
