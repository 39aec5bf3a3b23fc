package org.amicus.engine;

/** Reading DRL text: comments and strings told apart, offsets turned into lines. */
public final class DrlText {
    private DrlText() {
    }

    /**
     * Two views of the text, of its length: comments blanked out (strings kept), and comments and the insides of
     * strings blanked out (for finding keywords). Line breaks are kept, so offsets and lines agree.
     */
    public static String[] views(String s) {
        char[] plain = s.toCharArray();
        char[] masked = s.toCharArray();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    plain[i] = ' ';
                    masked[i] = ' ';
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                int stop = close < 0 ? n : close + 2;
                for (int j = i; j < stop; j++) {
                    if (s.charAt(j) != '\n') {
                        plain[j] = ' ';
                        masked[j] = ' ';
                    }
                }
                i = stop;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') {
                    if (s.charAt(j) == '\\') {
                        j++;
                    }
                    j++;
                }
                for (int k = i + 1; k < Math.min(j, n); k++) {
                    if (s.charAt(k) != '\n') {
                        masked[k] = ' ';
                    }
                }
                i = Math.min(j + 1, n);
            } else {
                i++;
            }
        }
        return new String[] {new String(plain), new String(masked)};
    }

    /** The line (from 1) of an offset in a text. */
    public static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
