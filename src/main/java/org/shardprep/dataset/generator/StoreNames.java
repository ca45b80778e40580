package org.shardprep.dataset.generator;

/** Invented toy-store names: "Happy Giraffe Toys", "Miller's Toy Chest", "Tailspin Toys, Portland" ... */
public final class StoreNames {

    private static final String[] ADJECTIVES = {
        "Happy", "Little", "Bright", "Wonder", "Tiny", "Jolly", "Sunny", "Curious", "Busy", "Merry", "Lucky",
        "Golden", "Silly", "Clever", "Cosmic", "Rainbow", "Whimsy", "Dizzy", "Brave", "Cozy"};
    private static final String[] ANIMALS = {
        "Giraffe", "Otter", "Fox", "Owl", "Panda", "Koala", "Bear", "Rabbit", "Turtle", "Penguin", "Dragon",
        "Robot", "Rocket", "Acorn", "Pebble", "Kite", "Comet", "Marble", "Teapot", "Lantern"};
    private static final String[] SHOP_WORDS = {
        "Toys", "Toy Co.", "Toy Box", "Playhouse", "Toy Chest", "Emporium", "Games", "Toy Shop", "Play Co.", "Toyworks"};
    private static final String[] SURNAMES = {
        "Miller", "Nguyen", "Okafor", "Schmidt", "Garcia", "O'Brien", "Kowalski", "Tanaka", "Haddad", "Rossi",
        "Jensen", "Dubois", "Patel", "Lindqvist", "Moreno", "Chen", "Murphy", "Novak", "Santos", "Fischer"};
    private static final String[] CITIES = {
        "Portland", "Seattle", "Austin", "Denver", "Boston", "Chicago", "Atlanta", "Phoenix", "Madison", "Raleigh",
        "Tucson", "Omaha", "Boise", "Reno", "Albany", "Dayton", "Fresno", "Tacoma", "Spokane", "Savannah"};

    private StoreNames() {}

    public static String random(SplitMix64 random) {
        return switch (random.nextInt(6)) {
            case 0, 1, 2 -> random.pick(ADJECTIVES) + " " + random.pick(ANIMALS) + " " + random.pick(SHOP_WORDS);
            case 3, 4 -> random.pick(SURNAMES) + "'s " + random.pick(SHOP_WORDS);
            // a comma in the value makes the CSV quote it, as some real store names do
            default -> "Tailspin Toys, " + random.pick(CITIES);
        };
    }
}
