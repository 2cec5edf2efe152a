package dev.portcullis.domain;

import java.util.List;

/**
 * What Neutron compares to decide that two rules of a group are the same rule: direction, ether type,
 * ports, protocol as a [name, number] pair ({@code tcp} equals {@code 6}; on IPv6 {@code icmp} equals
 * {@code ipv6-icmp}), remote group, remote address group, and the remote prefix as stored, where
 * {@code 0.0.0.0/0}, {@code ::/0} and no prefix are all the same. The description is not compared.
 */
public record RuleKey(Direction direction, EtherType etherType, Integer portRangeMax, Integer portRangeMin,
                      List<String> protocol, String remoteGroupId, String remoteAddressGroupId,
                      String remoteIpPrefix) {

    public static RuleKey of(Rule rule) {
        String prefix = rule.remoteIpPrefix();
        if ("0.0.0.0/0".equals(prefix) || "::/0".equals(prefix)) {
            prefix = null;
        }
        return new RuleKey(rule.direction(), rule.etherType(), rule.ports().max(), rule.ports().min(),
                rule.protocol().nameAndNumber(rule.etherType()), rule.remoteGroupId(), rule.remoteAddressGroupId(),
                prefix);
    }
}
