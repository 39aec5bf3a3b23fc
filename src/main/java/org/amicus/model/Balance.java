package org.amicus.model;

/** The balance of an item's considerations, inserted once the factor rules have run; the verdict rules band it. */
public final class Balance {
    private final Item item;
    private final int score;

    public Balance(Item item) {
        this.item = item;
        this.score = item.score();
    }

    public Item getItem() { return item; }
    public int getScore() { return score; }
}
