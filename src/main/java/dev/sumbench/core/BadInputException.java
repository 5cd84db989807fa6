package dev.sumbench.core;

/**
 * Bad input found after parsing (a file that is not what it should be, a value out of range): printed as one line,
 * exit code {@link ExitCodes#BAD_INPUT}. The message names the input that was wrong.
 */
public final class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
