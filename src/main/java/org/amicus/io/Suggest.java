package org.amicus.io;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/** "Did you mean ...?": the closest known name to a mistyped one. */
public final class Suggest {
    /** Words advisers use for a level, mapped to the level the model calls it. */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("CONSENTING", "SUPPORTIVE"), Map.entry("CONSENT", "SUPPORTIVE"), Map.entry("COOPERATIVE", "SUPPORTIVE"),
            Map.entry("WILLING", "SUPPORTIVE"), Map.entry("FRIENDLY", "SUPPORTIVE"), Map.entry("SUPPORTING", "SUPPORTIVE"),
            Map.entry("HOSTILE", "OPPOSED"), Map.entry("AGAINST", "OPPOSED"), Map.entry("REFUSING", "OPPOSED"), Map.entry("OPPOSING", "OPPOSED"),
            Map.entry("NEUTRAL", "AMBIVALENT"), Map.entry("UNDECIDED", "AMBIVALENT"), Map.entry("RELUCTANT", "AMBIVALENT"),
            Map.entry("INCAPABLE", "UNABLE"), Map.entry("WEAK", "UNABLE"),
            Map.entry("MEDIUM", "MODERATE"), Map.entry("MID", "MODERATE"), Map.entry("SOME", "MODERATE"),
            Map.entry("STRONG", "HIGH"), Map.entry("WEAK_SUPPORT", "LOW"),
            Map.entry("ICC", "ICC_SUPPORT"), Map.entry("COOPERATION", "ICC_SUPPORT"), Map.entry("ARREST", "ARREST_AUTHORITY"),
            Map.entry("IMPUNITY", "IMPUNITY_GENERAL"), Map.entry("JUSTICE", "IMPUNITY_GENERAL"),
            Map.entry("SIGNED", "IN_FORCE"), Map.entry("YES", "IN_FORCE"),
            Map.entry("PRESIDENT", "HEAD_OF_STATE"), Map.entry("REBEL", "ARMED_GROUP"), Map.entry("MILITIA", "ARMED_GROUP"),
            Map.entry("FORMER_PRESIDENT", "FORMER_OFFICIAL"), Map.entry("TALKS", "PEACE_TALKS"), Map.entry("ELECTION", "ELECTIONS"),
            Map.entry("PEACE", "PEACE_FIRST"), Map.entry("EQUAL", "BALANCED"),
            Map.entry("TRANSPORT", "LOGISTICS"), Map.entry("DOCUMENTS", "INFORMATION_SHARING"), Map.entry("INFORMATION", "INFORMATION_SHARING"),
            Map.entry("TESTIMONY", "STAFF_TESTIMONY"), Map.entry("ESCORT", "SECURITY_ESCORT"), Map.entry("WITNESSES", "WITNESS_PROTECTION"),
            Map.entry("HOSTING", "ACCOMMODATION"), Map.entry("ARREST_ASSISTANCE", "ARREST_SUPPORT"));

    private Suggest() {
    }

    /** The closest option, or null when none is close. */
    public static String closest(String input, Collection<String> options) {
        if (input == null || options.isEmpty()) {
            return null;
        }
        String norm = input.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (String o : options) {
            if (o.equalsIgnoreCase(input.trim()) || o.toUpperCase(Locale.ROOT).equals(norm)) {
                return o;
            }
        }
        String synonym = SYNONYMS.get(norm);
        if (synonym != null && options.contains(synonym)) {
            return synonym;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String o : options) {
            int d = distance(norm, o.toUpperCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = o;
            }
        }
        return bestDistance <= Math.max(2, norm.length() / 3) ? best : null;
    }

    /** "; did you mean X?" or "", for appending to a message. */
    public static String didYouMean(String input, Collection<String> options) {
        String s = closest(input, options);
        return s == null ? "" : "; did you mean " + s + "?";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
