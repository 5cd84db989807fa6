package dev.sumbench.process;

/**
 * A {@link ProcessPool} could not start: a child could not be launched, exited before its hello, said something that
 * is not a hello of this protocol version, or was silent past the start timeout. The message names the worker, its
 * pid when it had one, what went wrong, and the tail of its stderr. Every child already started has been killed and
 * reaped when this is thrown.
 */
public final class PoolStartException extends RuntimeException {

    PoolStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
