package dev.signals.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Captures the signals each test emits and injects them as a {@link CapturedSignals}
 * parameter (into the test method, or a {@code @BeforeEach} / {@code @AfterEach} method).
 *
 * <p>On a class, it applies to every test of the class and of its nested classes; on a method,
 * to that test, where its patterns win over the class's. While a test runs, its patterns are
 * routed on {@code Router.global()}, so the signals they match count as routed
 * ({@code Signals.isRouted}) for every thread of the JVM; signals outside them stay as the
 * routes in force make them. Capture only what a test is about when it also checks that
 * something unrouted is skipped.
 *
 * @see SignalsExtension
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SignalsExtension.class)
public @interface CaptureSignals {

    /** Route patterns of the signals to capture: exact names, prefixes ending in {@code *}, or {@code *}. */
    String[] value() default "*";
}
