package dev.sumbench.suite;

import dev.sumbench.core.BadInputException;
import java.util.ArrayList;
import java.util.List;

/** Splits the one string of {@code -Dbench.args} into the words JMH's command line expects. */
final class JmhArgs {

    private JmhArgs() {
    }

    /**
     * Splits {@code text} at white space, like a shell does: single quotes keep everything, double quotes keep
     * everything but a backslash before {@code "} or {@code \}, and a backslash outside quotes keeps the next character.
     * So {@code -jvmArgsAppend "-Xmx2g -XX:+UseParallelGC"} is two words.
     *
     * @throws BadInputException if a quote is not closed
     */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"'
                        || text.charAt(i + 1) == '\\')) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new BadInputException("bench.args: the quote " + quote + " is not closed in: " + text);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
