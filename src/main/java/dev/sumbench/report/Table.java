package dev.sumbench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells with a title, column headers and alignment; rendered by {@link TableFormat}.
 *
 * @param title   a heading (may be empty)
 * @param columns the columns
 * @param rows    the rows, each with one cell per column
 * @param notes   lines printed under the table (warnings, definitions)
 */
public record Table(String title, List<Column> columns, List<List<String>> rows, List<String> notes) {

    public Table {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, table has " + columns.size()
                        + " columns: " + row);
            }
        }
    }

    /** Text alignment of a column. */
    public enum Align { LEFT, RIGHT }

    /**
     * A column header and its alignment.
     *
     * @param header the header
     * @param align  the alignment of its cells
     */
    public record Column(String header, Align align) {

        public static Column left(String header) {
            return new Column(header, Align.LEFT);
        }

        public static Column right(String header) {
            return new Column(header, Align.RIGHT);
        }
    }

    /** Starts a table with {@code title} and {@code columns}. */
    public static Builder builder(String title, Column... columns) {
        return new Builder(title, List.of(columns));
    }

    /** Collects rows and notes, then builds the table. */
    public static final class Builder {
        private final String title;
        private final List<Column> columns;
        private final List<List<String>> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(String title, List<Column> columns) {
            this.title = title;
            this.columns = columns;
        }

        public Builder row(String... cells) {
            rows.add(List.of(cells));
            return this;
        }

        public Builder row(List<String> cells) {
            rows.add(List.copyOf(cells));
            return this;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public Table build() {
            return new Table(title, columns, rows, notes);
        }
    }
}
