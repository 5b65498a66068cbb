package dev.signals.example.orders;

import java.util.Locale;

/**
 * The services of the example, each an HTTP server of its own. Their names are what events
 * carry in the {@code service} field, what {@code --service}, {@code --ports} and
 * {@code --peers} accept, and the first segment of their URL paths.
 */
public enum ServiceName {
    /** Takes orders from clients and runs each through the other services (the saga). */
    ORDER,
    /** Knows users: tier (for discounts), region (for shipping), e-mail, and who is blocked. */
    USER,
    /** Prices an order's items for a user's tier. */
    PRICING,
    /** Holds stock; reserves and releases it per order. */
    INVENTORY,
    /** Authorizes, captures, voids and refunds payments. */
    PAYMENT,
    /** Books shipments. */
    SHIPPING,
    /** Sends e-mails about orders. */
    NOTIFICATION;

    /** The lower-case name used in fields, flags and URLs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The service called {@code id}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the known services
     */
    public static ServiceName parse(String id) {
        for (ServiceName s : values()) {
            if (s.id().equalsIgnoreCase(id.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown service '" + id + "'; known: " + known());
    }

    /** The known ids, comma-separated. */
    public static String known() {
        StringBuilder sb = new StringBuilder();
        for (ServiceName s : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(s.id());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return id();
    }
}
