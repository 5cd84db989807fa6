package dev.sumbench.cli;

import dev.sumbench.core.BadInputException;
import dev.sumbench.report.TableFormat;

/** The {@code --format} option of the table commands. */
final class FormatOption {

    private FormatOption() {
    }

    /** The table format {@code name} names, or bad input naming {@code --format}. */
    static TableFormat parse(String name) {
        try {
            return TableFormat.parse(name);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--format: " + e.getMessage());
        }
    }
}
