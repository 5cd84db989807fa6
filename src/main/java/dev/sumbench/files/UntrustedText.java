package dev.sumbench.files;

/**
 * Text from files (benchmark names, parameters, a profile's machine description, an error that quotes an input) made
 * safe to print: a control character could clear the screen, move the cursor or fake a line of output.
 */
public final class UntrustedText {

    private UntrustedText() {
    }

    /**
     * {@code text} with every control character (C0, DEL, C1: escape sequences, carriage returns, newlines, tabs)
     * shown as a visible Java escape such as {@code \u001b}; other characters, non-ASCII letters included, unchanged.
     */
    public static String forTerminal(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
