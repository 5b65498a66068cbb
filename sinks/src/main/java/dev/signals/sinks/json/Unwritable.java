package dev.signals.sinks.json;

/**
 * How a failure of code that is not ours (a value's {@code toString}, an iterator, an
 * accessor of a user's throwable) is told apart and shown in place of what it spoiled.
 */
public final class Unwritable {

    private Unwritable() {
    }

    /** {@code <unwritable: fully.qualified.FailureClass>}. */
    public static String text(Throwable failure) {
        return "<unwritable: " + failure.getClass().getName() + ">";
    }

    /**
     * True for the failures nobody describes their way around: a {@link VirtualMachineError}
     * (out of memory, an internal error) other than {@link StackOverflowError}, which only ends
     * the user code that recursed.
     */
    public static boolean isFatal(Throwable failure) {
        return failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError);
    }
}
