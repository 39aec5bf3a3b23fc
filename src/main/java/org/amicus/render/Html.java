package org.amicus.render;

import java.util.ArrayList;
import java.util.List;

/** A small Markdown-to-HTML converter for the handouts: headings, paragraphs, lists, tables, quotes, bold. */
public final class Html {
    private Html() {
    }

    public static String page(String title, String markdown) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n<style>body{font-family:Georgia,serif;max-width:60em;margin:2em auto;line-height:1.4}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:.2em .5em;text-align:left}"
                        + "blockquote{border-left:3px solid #999;margin-left:0;padding-left:1em;color:#333}</style></head><body>\n");
        List<String> lines = List.of(markdown.split("\n", -1));
        List<String> table = new ArrayList<>();
        String list = null;
        for (String line : lines) {
            if (line.startsWith("|")) {
                table.add(line);
                continue;
            }
            if (!table.isEmpty()) {
                sb.append(table(table));
                table.clear();
            }
            String kind = line.startsWith("- ") ? "ul" : line.matches("\\d+\\. .*") ? "ol" : null;
            if (list != null && !list.equals(kind)) {
                sb.append("</").append(list).append(">\n");
                list = null;
            }
            if (kind != null) {
                if (list == null) {
                    sb.append('<').append(kind).append(">\n");
                    list = kind;
                }
                sb.append("<li>").append(inline(line.substring(line.indexOf(' ') + 1))).append("</li>\n");
            } else if (line.startsWith("## ")) {
                sb.append("<h2>").append(inline(line.substring(3))).append("</h2>\n");
            } else if (line.startsWith("# ")) {
                sb.append("<h1>").append(inline(line.substring(2))).append("</h1>\n");
            } else if (line.startsWith("> ")) {
                sb.append("<blockquote>").append(inline(line.substring(2))).append("</blockquote>\n");
            } else if (!line.isBlank()) {
                sb.append("<p>").append(inline(line)).append("</p>\n");
            }
        }
        if (!table.isEmpty()) {
            sb.append(table(table));
        }
        if (list != null) {
            sb.append("</").append(list).append(">\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    private static String table(List<String> rows) {
        StringBuilder sb = new StringBuilder("<table>\n");
        boolean header = true;
        for (String row : rows) {
            if (row.matches("\\|[-| ]+\\|")) {
                continue;
            }
            String[] cells = row.substring(1, row.length() - 1).split("(?<!\\\\)\\|", -1);
            sb.append("<tr>");
            for (String c : cells) {
                sb.append(header ? "<th>" : "<td>").append(inline(c.strip().replace("\\|", "|"))).append(header ? "</th>" : "</td>");
            }
            sb.append("</tr>\n");
            header = false;
        }
        return sb.append("</table>\n").toString();
    }

    static String inline(String s) {
        return escape(s).replaceAll("\\*\\*(.+?)\\*\\*", "<strong>$1</strong>").replaceAll("`(.+?)`", "<code>$1</code>");
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
