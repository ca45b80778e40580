package org.shardprep.dataset.generator;

import org.shardprep.dataset.ExerciseCounts;
/**
 * Stores and products as a few int arrays indexed by id: each store's category, the contiguous run of
 * product ids it owns (first id, count), and each product's price. That is all the order writers need to
 * pick "a random product of that store" and price a line item, with no object per row.
 */
public final class Catalog {

    private final int storeCount;
    private final int productCount;
    private final int[] categoryOfStore;   // store_id -> ToyCategory ordinal
    private final int[] firstProductOfStore; // store_id -> lowest product_id of the store
    private final int[] productCountOfStore; // store_id -> how many products the store has (at least 1)
    private final int[] priceCentsOfProduct; // product_id -> price in cents

    private Catalog(int storeCount, int productCount) {
        this.storeCount = storeCount;
        this.productCount = productCount;
        this.categoryOfStore = new int[storeCount + 1];
        this.firstProductOfStore = new int[storeCount + 1];
        this.productCountOfStore = new int[storeCount + 1];
        this.priceCentsOfProduct = new int[productCount + 1];
    }

    public static Catalog build(ExerciseCounts counts, SplitMix64 random) {
        Catalog c = new Catalog(Math.toIntExact(counts.stores()), Math.toIntExact(counts.products()));
        int categories = ToyCategory.values().length;
        // Catalog sizes vary: a skewed weight per store, then every product beyond the first of each store
        // goes to a store drawn by weight.
        double[] cumulativeWeight = new double[c.storeCount + 1];
        for (int s = 1; s <= c.storeCount; s++) {
            c.categoryOfStore[s] = random.nextInt(categories);
            double u = random.nextDouble();
            cumulativeWeight[s] = cumulativeWeight[s - 1] + 0.25 + 3 * u * u * u;
            c.productCountOfStore[s] = 1;
        }
        for (int extra = c.productCount - c.storeCount; extra > 0; extra--) {
            c.productCountOfStore[storeAt(cumulativeWeight, random.nextDouble() * cumulativeWeight[c.storeCount])]++;
        }
        int next = 1;
        for (int s = 1; s <= c.storeCount; s++) {
            c.firstProductOfStore[s] = next;
            ToyCategory category = ToyCategory.of(c.categoryOfStore[s]);
            for (int i = 0; i < c.productCountOfStore[s]; i++) {
                c.priceCentsOfProduct[next++] = category.randomPriceCents(random);
            }
        }
        return c;
    }

    /** The store whose weight interval holds {@code point}: the smallest s with cumulative[s] > point. */
    private static int storeAt(double[] cumulative, double point) {
        int lo = 1;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > point) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    public int storeCount() {
        return storeCount;
    }

    int productCount() {
        return productCount;
    }

    public ToyCategory categoryOf(int storeId) {
        return ToyCategory.of(categoryOfStore[storeId]);
    }

    public int firstProductOf(int storeId) {
        return firstProductOfStore[storeId];
    }

    public int productCountOf(int storeId) {
        return productCountOfStore[storeId];
    }

    public int randomProductOf(int storeId, SplitMix64 random) {
        return firstProductOfStore[storeId] + random.nextInt(productCountOfStore[storeId]);
    }

    public int priceCentsOf(int productId) {
        return priceCentsOfProduct[productId];
    }
}
