package dev.signals.example.orders.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Looks for what attacks put in free text: lookup expressions ({@code ${jndi:…}}, the
 * Log4Shell shape), SQL injection, script tags, path traversal and control characters.
 * Signals itself never interprets what it logs, so the offending text can be logged as it is,
 * in a typed field, for the audit trail.
 */
public final class InputInspector {

    /**
     * What was found.
     *
     * @param field the field that held it
     * @param pattern the kind of attack it looks like
     * @param input the offending text
     */
    public record Finding(String field, String pattern, String input) {
    }

    private record Rule(String pattern, String needle) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("lookup_injection", "${"),
            new Rule("sql_injection", "' or "),
            new Rule("sql_injection", "';"),
            new Rule("sql_injection", "drop table"),
            new Rule("sql_injection", "union select"),
            new Rule("script_injection", "<script"),
            new Rule("script_injection", "javascript:"),
            new Rule("path_traversal", "../"));

    /** The first suspicious thing in {@code value}, if any. */
    public Optional<Finding> inspect(String field, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String lower = value.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (lower.contains(rule.needle)) {
                return Optional.of(new Finding(field, rule.pattern, value));
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t') {
                return Optional.of(new Finding(field, "control_characters", value));
            }
        }
        return Optional.empty();
    }
}
