package dev.signals.slf4j;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The message of a {@code System.Logger} call, as its contract says: localized, then {@code {0}} parameters applied. */
final class SystemLoggerText {

    private SystemLoggerText() {
    }

    /** {@code key} looked up in {@code bundle}, or {@code key} itself when there is no bundle or no such entry. */
    static String localize(ResourceBundle bundle, String key) {
        if (bundle == null || key == null) {
            return key;
        }
        try {
            return bundle.getString(key);
        } catch (MissingResourceException | ClassCastException e) {
            return key;
        }
    }

    /** {@link MessageFormat} with {@code {0}} parameters; the raw text when it is malformed. */
    static String format(String pattern, Object[] params) {
        if (pattern == null || params == null || params.length == 0) {
            return pattern;
        }
        try {
            return MessageFormat.format(pattern, params);
        } catch (IllegalArgumentException e) {
            return pattern;
        }
    }
}
