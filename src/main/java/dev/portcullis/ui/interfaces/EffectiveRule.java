package dev.portcullis.ui.interfaces;

/**
 * One rule in force on an interface: what it lets through, and the group it comes from (an interface's rules
 * are the union of its groups' rules).
 */
public record EffectiveRule(String rule, String group, String description) {
}
