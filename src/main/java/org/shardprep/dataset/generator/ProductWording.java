package org.shardprep.dataset.generator;

/** Product names and descriptions for a store's category: "Deluxe Wooden Train Set", "Hand-finished, ages 3+ ..." */
public final class ProductWording {

    private static final String[] STYLES = {
        "Deluxe", "Classic", "Mini", "Junior", "Jumbo", "Eco", "Glow-in-the-Dark", "Travel", "Collector's", "Starter",
        "Wooden", "Retro", "Super", "Pocket", "Family"};
    private static final String[] MATERIALS = {
        "sustainably sourced wood", "BPA-free plastic", "recycled cardboard", "soft organic cotton",
        "die-cast metal", "non-toxic water-based paints"};
    private static final String[] FEATURES = {
        "Encourages creative, open-ended play", "Perfect for rainy days", "A gift grandparents love",
        "Builds fine motor skills", "Great for siblings to share", "Easy to tidy away",
        "Award-winning design", "Batteries not included"};
    private static final int[] AGES = {1, 2, 3, 4, 5, 6, 8, 10, 12, 14};

    private ProductWording() {}

    public static String name(ToyCategory category, SplitMix64 random) {
        return random.pick(STYLES) + " " + random.pick(category.productKinds);
    }

    public static String description(ToyCategory category, SplitMix64 random) {
        return random.pick(FEATURES) + ". Made from " + random.pick(MATERIALS) + ", for ages "
                + AGES[random.nextInt(AGES.length)] + "+ (" + category.displayName.toLowerCase(java.util.Locale.ROOT) + ").";
    }
}
