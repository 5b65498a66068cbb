package dev.signals.example.orders.services;

import java.util.List;
import java.util.Random;

/**
 * The products on sale: prices for the pricing service, starting stock for the inventory, and
 * how popular each is for the load generator. One product is a limited edition whose stock
 * runs out during a default run.
 */
public final class Catalog {

    /**
     * One product.
     *
     * @param sku the stock-keeping unit
     * @param name what customers see
     * @param priceCents the unit price in euro cents
     * @param stock the units in stock when the inventory starts
     * @param popularity the relative weight with which the load generator picks it
     */
    public record Product(String sku, String name, long priceCents, int stock, int popularity) {
    }

    /** Stock large enough never to run out in a run. */
    private static final int PLENTY = 1_000_000;

    private static final List<Product> PRODUCTS = List.of(
            new Product("BOOK-0001", "Field Guide to Signals", 2499, PLENTY, 20),
            new Product("BOOK-0002", "Distributed Tracing in Practice", 3999, PLENTY, 12),
            new Product("MUG-0001", "Enamel mug", 1299, PLENTY, 15),
            new Product("TEE-0001", "T-shirt", 1999, PLENTY, 15),
            new Product("CAP-0001", "Cap", 1599, PLENTY, 8),
            new Product("STCK-0001", "Sticker pack", 499, PLENTY, 20),
            new Product("KBD-0001", "Mechanical keyboard", 12900, PLENTY, 4),
            new Product("LTD-0001", "Limited edition vinyl", 4999, 12, 6));

    private static final int TOTAL_POPULARITY = PRODUCTS.stream().mapToInt(Product::popularity).sum();

    private Catalog() {
    }

    public static List<Product> products() {
        return PRODUCTS;
    }

    /** The product with this SKU, or {@code null}. */
    public static Product find(String sku) {
        for (Product p : PRODUCTS) {
            if (p.sku().equals(sku)) {
                return p;
            }
        }
        return null;
    }

    /** A product drawn by popularity. */
    public static Product pick(Random random) {
        int n = random.nextInt(TOTAL_POPULARITY);
        for (Product p : PRODUCTS) {
            n -= p.popularity();
            if (n < 0) {
                return p;
            }
        }
        return PRODUCTS.get(PRODUCTS.size() - 1);
    }
}
