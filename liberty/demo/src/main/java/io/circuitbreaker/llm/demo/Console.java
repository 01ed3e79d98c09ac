package io.circuitbreaker.llm.demo;

import jakarta.json.JsonObject;
import java.util.List;

/** How the demo prints: headings, aligned tables, and JSON values as text. */
final class Console {

    private Console() {
    }

    static String text(JsonObject o, String key) {
        return o.isNull(key) ? "-" : o.getString(key);
    }

    static String money(JsonObject o, String key) {
        return o.isNull(key) ? "unpriced" : o.getJsonNumber(key).bigDecimalValue().toPlainString();
    }

    /** Columns padded to their widest cell; the last column right-aligned when it holds numbers. */
    static void printTable(List<String[]> rows, boolean numericLast) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean right = numericLast && i == row.length - 1;
                line.append(String.format("%" + (right ? "" : "-") + width[i] + "s", row[i]));
                if (i < row.length - 1) {
                    line.append("  ");
                }
            }
            System.out.println(line.toString().stripTrailing());
        }
    }

    static void heading(String title) {
        System.out.println();
        System.out.println("== " + title + " ==");
    }
}
