package org.shardprep.dataset.generator;

/**
 * What a store sells: its category name, the kinds of product it stocks and their price range. A store's
 * products are drawn from its own category so the catalog reads like a real toy marketplace.
 */
public enum ToyCategory {
    BOARD_GAMES("Board Games", 999, 7999,
            "Strategy Game", "Family Board Game", "Card Game", "Dice Game", "Trivia Game", "Chess Set", "Party Game"),
    PUZZLES("Puzzles", 799, 4999,
            "1000-Piece Jigsaw", "500-Piece Jigsaw", "3D Puzzle", "Floor Puzzle", "Puzzle Cube", "Brain Teaser Set"),
    DOLLS("Dolls & Action Figures", 899, 8999,
            "Fashion Doll", "18\" Doll", "Action Figure", "Dollhouse", "Superhero Figure", "Baby Doll", "Doll Stroller"),
    BUILDING("Building Sets", 1499, 14999,
            "Brick Set", "Castle Kit", "Magnetic Tiles", "Marble Run", "Construction Crane Kit", "Space Station Set"),
    PLUSH("Plush & Stuffed Animals", 699, 5999,
            "Teddy Bear", "Plush Unicorn", "Plush Dragon", "Bunny", "Plush Penguin", "Sloth Pillow Pal"),
    OUTDOOR("Outdoor Play", 1299, 19999,
            "Kite", "Water Blaster", "Scooter", "Jump Rope", "Sandbox Set", "Frisbee", "Swing Seat"),
    EDUCATIONAL("Educational Toys", 1199, 9999,
            "Coding Robot", "Microscope Kit", "Chemistry Set", "Globe", "Abacus", "Telescope", "Solar System Model"),
    ARTS("Arts, Crafts & Hobbies", 599, 4999,
            "Paint Set", "Clay Kit", "Bead Kit", "Sketch Pad", "Origami Pack", "Knitting Kit", "Crayon Box"),
    TRAINS("Model Trains & Vehicles", 1999, 24999,
            "Wooden Train Set", "Electric Train Set", "Race Car Track", "RC Truck", "Die-Cast Car", "12\" Track Pack"),
    BABY("Baby & Toddler", 599, 6999,
            "Stacking Rings", "Shape Sorter", "Activity Gym", "Rattle", "Push Walker", "Bath Boat"),
    PRETEND("Pretend Play", 999, 12999,
            "Play Kitchen", "Tool Bench", "Doctor Kit", "Cash Register", "Tea Set", "Costume Trunk");

    public final String displayName;
    final int minPriceCents;
    final int maxPriceCents;
    final String[] productKinds;

    ToyCategory(String displayName, int minPriceCents, int maxPriceCents, String... productKinds) {
        this.displayName = displayName;
        this.minPriceCents = minPriceCents;
        this.maxPriceCents = maxPriceCents;
        this.productKinds = productKinds;
    }

    private static final ToyCategory[] ALL = values();

    public static ToyCategory of(int ordinal) {
        return ALL[ordinal];
    }

    /** A shop price in the category's range, ending the way shop prices do (.99, .49, .95, .00). */
    public int randomPriceCents(SplitMix64 random) {
        int[] endings = {99, 99, 99, 49, 95, 0};
        int dollars = minPriceCents / 100 + random.nextInt(maxPriceCents / 100 - minPriceCents / 100 + 1);
        return dollars * 100 + endings[random.nextInt(endings.length)];
    }
}
