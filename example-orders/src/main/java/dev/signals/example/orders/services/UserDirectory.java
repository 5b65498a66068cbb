package dev.signals.example.orders.services;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The example's users, {@code u-0001} to {@code u-NNNN}: each one's tier, region, e-mail and
 * whether they are blocked follow from the seed and the number alone, so every process of a
 * run agrees on them without sharing state.
 */
public final class UserDirectory {

    /** How many users exist. */
    public static final int SIZE = 500;

    private static final List<String> REGIONS = List.of("eu-west", "eu-central", "us-east", "us-west", "ap-south");

    /**
     * One user.
     *
     * @param id {@code u-0042}
     * @param tier {@code gold}, {@code silver} or {@code standard}
     * @param region where orders ship to
     * @param email where notifications go
     * @param blocked whether the user may not order
     */
    public record User(String id, String tier, String region, String email, boolean blocked) {
    }

    private final long seed;

    public UserDirectory(long seed) {
        this.seed = seed;
    }

    /** The id of user number {@code n} (1 to {@link #SIZE}). */
    public static String idOf(int n) {
        return String.format(Locale.ROOT, "u-%04d", n);
    }

    /** The user with this id, or {@code null} when there is none. */
    public User find(String id) {
        if (id == null || !id.matches("u-\\d{4}")) {
            return null;
        }
        int n = Integer.parseInt(id.substring(2));
        if (n < 1 || n > SIZE) {
            return null;
        }
        Random random = new Random(seed * 1_000_003L + n);
        double t = random.nextDouble();
        String tier = t < 0.10 ? "gold" : t < 0.35 ? "silver" : "standard";
        String region = REGIONS.get(random.nextInt(REGIONS.size()));
        boolean blocked = random.nextDouble() < 0.02;
        return new User(id, tier, region, "customer" + n + "@example.com", blocked);
    }
}
