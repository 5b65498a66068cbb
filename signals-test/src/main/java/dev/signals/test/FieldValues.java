package dev.signals.test;

import dev.signals.Field;
import java.util.Objects;

/**
 * Compares a field with the value a test expects, the way a reader would: {@code 2} matches a
 * field of {@code 2L} or {@code 2.0}, a string matches a string, a secret matches its clear
 * text, anything else by {@code equals}.
 */
final class FieldValues {

    private FieldValues() {
    }

    static boolean matches(Field field, Object expected) {
        if (field == null) {
            return false;
        }
        if (expected instanceof Field) {
            return field.equals(expected);
        }
        Object actual = field.type() == Field.Type.SECRET ? field.secretValue() : field.value();
        if (actual instanceof Number && expected instanceof Number) {
            return sameNumber((Number) actual, (Number) expected);
        }
        if (expected instanceof Character) {
            return Objects.equals(actual, expected.toString());
        }
        return Objects.equals(actual, expected);
    }

    private static boolean sameNumber(Number a, Number b) {
        if (integral(a) && integral(b)) {
            return a.longValue() == b.longValue();
        }
        return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
    }

    private static boolean integral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }
}
