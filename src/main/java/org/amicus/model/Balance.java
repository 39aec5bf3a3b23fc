package org.amicus.model;

/**
 * The balance of an item's considerations, inserted once the factor rules have run; the verdict rules band it. A
 * live session refreshes it when the rules change the item's score.
 */
public final class Balance {
    private final Item item;
    private int score;

    public Balance(Item item) {
        this.item = item;
        this.score = item.score();
    }

    /** Takes the item's score again (a live session, after the rules changed it); true if it changed. */
    public boolean refresh() {
        int now = item.score();
        boolean changed = now != score;
        score = now;
        return changed;
    }

    public Item getItem() { return item; }
    public int getScore() { return score; }
}
