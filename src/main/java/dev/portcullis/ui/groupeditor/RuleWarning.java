package dev.portcullis.ui.groupeditor;

import dev.portcullis.review.Severity;

/**
 * What the review would say about a rule the dialog adds (or changes): a warning, never a block.
 *
 * @param row      the rule's row, counted from 1 as the table shows it
 * @param severity how much it matters
 * @param text     {@code Rule 3: Remote administration is open to any address on the internet: SSH (22).}
 * @param fix      what to do about it
 */
public record RuleWarning(int row, Severity severity, String text, String fix) {
}
