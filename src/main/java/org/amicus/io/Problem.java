package org.amicus.io;

/**
 * One thing wrong with a scenario: where (file, line, column, field) and what, with a suggestion
 * where one exists. Line and column are 0 when unknown.
 */
public record Problem(String file, int line, int column, String field, String message) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file == null ? "-" : file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(message).toString();
    }
}
