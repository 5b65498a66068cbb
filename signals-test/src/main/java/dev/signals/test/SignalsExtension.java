package dev.signals.test;

import dev.signals.Scope;
import dev.signals.Signals;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Captures the signals of each test: before each test it opens a capture on the global router
 * and a Signals scope carrying the test's id on the test's thread; after it, closes both. Every
 * event emitted inside that scope, on that thread or in a task that carries its context
 * ({@code Signals.wrap}), is captured for that test only, so tests running in parallel never
 * see each other's events. The capture is injected as a {@link CapturedSignals} parameter.
 *
 * <p>Use {@link CaptureSignals} to register it and choose the patterns, or
 * {@code @ExtendWith(SignalsExtension.class)} to capture everything ({@code *}).
 */
public final class SignalsExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver,
        InvocationInterceptor {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SignalsExtension.class);
    private static final String KEY = "capture";

    /** One test's open capture, and the scope that marks its thread. */
    private record Active(CaptureHub.Registration registration, Scope scope, Thread thread) {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        CaptureHub.Registration registration = CaptureHub.global().open(patterns(context));
        Scope scope = Signals.scope(registration.marker());
        context.getStore(NAMESPACE).put(KEY, new Active(registration, scope, Thread.currentThread()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Active active = context.getStore(NAMESPACE).remove(KEY, Active.class);
        if (active != null) {
            active.scope().close();
            CaptureHub.global().close(active.registration());
        }
    }

    /**
     * Runs the test method in the test's scope also when it runs on a thread of its own (as with
     * {@code @Timeout(threadMode = SEPARATE_THREAD)}).
     */
    @Override
    @SuppressWarnings("try") // the scope is opened for its effect on the thread
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        Active active = context.getStore(NAMESPACE).get(KEY, Active.class);
        if (active == null || active.thread() == Thread.currentThread()) {
            invocation.proceed();
            return;
        }
        try (Scope scope = Signals.scope(active.registration().marker())) {
            invocation.proceed();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == CapturedSignals.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Active active = extensionContext.getStore(NAMESPACE).get(KEY, Active.class);
        if (active == null) {
            throw new ParameterResolutionException("CapturedSignals belongs to one test: inject it into a test method,"
                    + " or a @BeforeEach or @AfterEach method, not into " + parameterContext.getDeclaringExecutable());
        }
        return active.registration().captured();
    }

    /** The patterns of the nearest {@link CaptureSignals}: the method's, its class's, or an enclosing class's. */
    static List<String> patterns(ExtensionContext context) {
        Optional<CaptureSignals> onMethod = context.getTestMethod().flatMap(m -> find(m));
        if (onMethod.isPresent()) {
            return List.of(onMethod.get().value());
        }
        for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
            Optional<CaptureSignals> onClass = find(c);
            if (onClass.isPresent()) {
                return List.of(onClass.get().value());
            }
        }
        return List.of("*");
    }

    private static Optional<CaptureSignals> find(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, CaptureSignals.class);
    }
}
