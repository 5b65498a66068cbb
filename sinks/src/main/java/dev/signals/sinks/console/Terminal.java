package dev.signals.sinks.console;

import java.io.Console;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Whether a person is watching: standard input and output are a terminal. On JDK 17 to 21
 * {@code System.console()} is non-null exactly then; from JDK 22 it may be non-null with
 * output redirected (JDK-8309155), and {@code Console.isTerminal()} (JDK 22+) says the truth.
 * The project is built for Java 17, so that method is found once, reflectively.
 */
final class Terminal {

    // Console.isTerminal() as (Object)boolean, or null before JDK 22.
    private static final MethodHandle IS_TERMINAL = isTerminalMethod();

    private Terminal() {
    }

    /** True when this JVM's standard input and output are a terminal. */
    static boolean attached() {
        return attached(System.console(), IS_TERMINAL);
    }

    /** The decision, for a console (or null) and the JDK's {@code isTerminal} handle (or null). */
    static boolean attached(Object console, MethodHandle isTerminal) {
        if (console == null) {
            return false;
        }
        if (isTerminal == null) {
            return true; // before JDK 22 a console exists only on a terminal
        }
        try {
            return (boolean) isTerminal.invokeExact(console);
        } catch (Throwable e) {
            return false; // not knowing, write what machines read
        }
    }

    private static MethodHandle isTerminalMethod() {
        try {
            return MethodHandles.publicLookup()
                    .findVirtual(Console.class, "isTerminal", MethodType.methodType(boolean.class))
                    .asType(MethodType.methodType(boolean.class, Object.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
