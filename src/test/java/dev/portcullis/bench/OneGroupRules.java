package dev.portcullis.bench;

import dev.portcullis.domain.Cidr;
import dev.portcullis.domain.Direction;
import dev.portcullis.domain.EtherType;
import dev.portcullis.domain.PortRange;
import dev.portcullis.domain.Protocol;
import dev.portcullis.domain.Remote;
import dev.portcullis.domain.Rule;
import dev.portcullis.domain.SecurityGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One group with many rules, of a chosen shape, the same for the same seed: what a review of one large
 * group has to get through. {@code MIXED} is a project's mix (TCP, UDP and ICMP, IPv4 and IPv6, ranges,
 * other groups, a few from every address); {@code WORLD} opens every rule's ports to every address (or to
 * halves of it), which the exposure checks cut into many pieces; {@code NESTED} nests prefixes and wide ranges,
 * which the overlap checks compare; {@code TILES} opens SSH to 16,384 prefixes that together are every IPv4
 * address, each rule open to the world only with all the others.
 */
public enum OneGroupRules {
    MIXED, WORLD, NESTED, TILES;

    public SecurityGroup group(int count, long seed) {
        Random random = new Random(seed);
        List<Rule> rules = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rules.add(rule(i, random));
        }
        return new SecurityGroup("g-one", "p", "one", "one large group", true, false, 1, rules, List.of(), null,
                null);
    }

    private Rule rule(int i, Random random) {
        String id = "r-" + i;
        return switch (this) {
            case MIXED -> mixed(id, i, random);
            case WORLD -> new Rule(id, Direction.INGRESS, EtherType.IPV4, random.nextInt(8) == 0 ? Protocol.UDP
                    : Protocol.TCP, range(random, 500), random.nextInt(3) == 0 ? Remote.ANYWHERE
                    : prefix((random.nextBoolean() ? "0.0.0.0" : "128.0.0.0") + "/1"), null);
            case TILES -> new Rule(id, Direction.INGRESS, EtherType.IPV4, Protocol.TCP, PortRange.of(22 + i / 16_384),
                    prefix(((i % 16_384) >> 6) + "." + (((i % 16_384) & 63) << 2) + ".0.0/14"), null);
            case NESTED -> new Rule(id, random.nextBoolean() ? Direction.INGRESS : Direction.EGRESS, EtherType.IPV4,
                    Protocol.TCP, range(random, 60_000), prefix(random.nextInt(256) + "." + random.nextInt(256)
                    + "." + random.nextInt(256) + ".0/" + (8 + 8 * random.nextInt(3))), null);
        };
    }

    private static Rule mixed(String id, int i, Random random) {
        Direction direction = random.nextInt(4) == 0 ? Direction.EGRESS : Direction.INGRESS;
        boolean v6 = random.nextInt(4) == 0;
        EtherType etherType = v6 ? EtherType.IPV6 : EtherType.IPV4;
        Remote remote = switch (random.nextInt(10)) {
            case 0 -> new Remote.Group("g-" + random.nextInt(100));
            case 1 -> Remote.ANYWHERE;
            default -> v6 ? prefix("2001:db8:" + Integer.toHexString(i) + "::/" + (48 + 16 * random.nextInt(2)))
                    : prefix("10." + (i >> 8 & 255) + "." + (i & 255) + ".0/" + (16 + 8 * random.nextInt(2)));
        };
        return switch (random.nextInt(6)) {
            case 0 -> new Rule(id, direction, etherType, v6 ? Protocol.IPV6_ICMP : Protocol.ICMP,
                    PortRange.icmp(random.nextInt(20), null), remote, null);
            case 1 -> new Rule(id, direction, etherType, Protocol.UDP, range(random, 20), remote, null);
            default -> new Rule(id, direction, etherType, Protocol.TCP, range(random, 100), remote, "rule " + i);
        };
    }

    private static PortRange range(Random random, int widest) {
        int low = 1 + random.nextInt(65_000);
        return PortRange.of(low, Math.min(65_535, low + random.nextInt(widest + 1)));
    }

    private static Remote prefix(String cidr) {
        return new Remote.Prefix(Cidr.parse(cidr).orElseThrow());
    }
}
