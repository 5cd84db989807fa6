package dev.sumbench.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** How a {@link Table} is written: Markdown, CSV or aligned plain text. */
public enum TableFormat {
    /** GitHub-flavoured Markdown: a {@code ###} title, a pipe table, notes as a list. */
    MD {
        @Override
        public String render(Table table) {
            StringBuilder out = new StringBuilder();
            if (!table.title().isEmpty()) {
                out.append("### ").append(table.title()).append("\n\n");
            }
            out.append('|');
            for (Table.Column column : table.columns()) {
                out.append(' ').append(escape(column.header())).append(" |");
            }
            out.append("\n|");
            for (Table.Column column : table.columns()) {
                out.append(column.align() == Table.Align.RIGHT ? " ---: |" : " --- |");
            }
            out.append('\n');
            for (List<String> row : table.rows()) {
                out.append('|');
                for (String cell : row) {
                    out.append(' ').append(escape(cell)).append(" |");
                }
                out.append('\n');
            }
            if (!table.notes().isEmpty()) {
                out.append('\n');
                for (String note : table.notes()) {
                    out.append("- ").append(note).append('\n');
                }
            }
            return out.toString();
        }

        /**
         * A cell stays one cell of text: no pipe ends it, no newline ends the row, and no HTML tag, comment or
         * declaration (a {@code <} before a letter, {@code /}, {@code !} or {@code ?}) is rendered by a Markdown viewer.
         */
        private String escape(String cell) {
            return HTML_START.matcher(cell.replace("|", "\\|").replace("\r", " ").replace("\n", " "))
                    .replaceAll("&lt;");
        }
    },
    /** RFC 4180 CSV: a header row, then the rows; title and notes are left out. */
    CSV {
        @Override
        public String render(Table table) {
            StringWriter out = new StringWriter();
            String[] headers = table.columns().stream().map(Table.Column::header).toArray(String[]::new);
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader(headers).setRecordSeparator('\n').get();
            try (CSVPrinter printer = new CSVPrinter(out, format)) {
                for (List<String> row : table.rows()) {
                    printer.printRecord(row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }
    },
    /** Plain text with columns padded to align, for a terminal. */
    TEXT {
        @Override
        public String render(Table table) {
            int[] widths = new int[table.columns().size()];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = table.columns().get(c).header().length();
                for (List<String> row : table.rows()) {
                    widths[c] = Math.max(widths[c], row.get(c).length());
                }
            }
            StringBuilder out = new StringBuilder();
            if (!table.title().isEmpty()) {
                out.append(table.title()).append('\n');
            }
            line(out, table.columns(), table.columns().stream().map(Table.Column::header).toList(), widths);
            for (List<String> row : table.rows()) {
                line(out, table.columns(), row, widths);
            }
            for (String note : table.notes()) {
                out.append("  * ").append(note).append('\n');
            }
            return out.toString();
        }

        private void line(StringBuilder out, List<Table.Column> columns, List<String> cells, int[] widths) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cells.size(); c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String cell = cells.get(c);
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(columns.get(c).align() == Table.Align.RIGHT ? pad + cell : cell + pad);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    };

    private static final java.util.regex.Pattern HTML_START = java.util.regex.Pattern.compile("<(?=[A-Za-z/!?])");

    /** Renders {@code table} in this format. */
    public abstract String render(Table table);

    /** The format named {@code name} ({@code md}, {@code csv}, {@code text}), case-insensitive. */
    public static TableFormat parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + name + "' (expected md, csv or text)", e);
        }
    }
}
