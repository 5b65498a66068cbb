package dev.signals.router;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.lang.ref.WeakReference;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A web application that uses Signals and is undeployed: after {@code Router.close()}, nothing
 * — no shutdown hook, no thread, no ThreadLocal of the threads that logged, no static field
 * outside the application — keeps its class loader reachable.
 */
class ClassLoaderLeakTest {

    @Test
    void afterCloseTheApplicationsClassLoaderIsCollected() throws Exception {
        WeakReference<ClassLoader> app = runApplicationAndClose();
        for (int i = 0; i < 50 && app.get() != null; i++) {
            System.gc();
            Thread.sleep(20); // lets finished threads be reaped between collections; the loop is bounded
        }
        assertNull(app.get(), "the application's class loader is still reachable after close()");
    }

    /** Loads Signals in a class loader of its own, logs from this (pooled, long-lived) thread, closes. */
    private static WeakReference<ClassLoader> runApplicationAndClose() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Class<?> routerClass = loader.loadClass(Router.class.getName());
            Object router = routerClass.getMethod("global").invoke(null);
            Class<?> sinkClass = loader.loadClass("dev.signals.Sink");
            java.lang.reflect.Constructor<?> recording = loader.loadClass(RecordingSink.class.getName())
                    .getDeclaredConstructor(String.class);
            recording.setAccessible(true);
            routerClass.getMethod("route", String.class, sinkClass).invoke(router, "LEAK_*", recording.newInstance("leak"));
            Class<?> signalClass = loader.loadClass("dev.signals.Signal");
            Class<?> fieldClass = loader.loadClass("dev.signals.Field");
            Class<?> signalsClass = loader.loadClass("dev.signals.Signals");
            Object signal = signalClass.getMethod("of", String.class).invoke(null, "LEAK_PROBE");
            Method emit = signalsClass.getMethod("emit", signalClass, String.class, fieldClass.arrayType());
            Object field = fieldClass.getMethod("of", String.class, String.class).invoke(null, "k", "v");
            Object fields = Array.newInstance(fieldClass, 1);
            Array.set(fields, 0, field);
            for (int i = 0; i < 100; i++) {
                emit.invoke(null, signal, "probe", fields);
            }
            Object scope = signalsClass.getMethod("scope", fieldClass.arrayType()).invoke(null, fields);
            ((AutoCloseable) scope).close();
            routerClass.getMethod("close").invoke(router);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        WeakReference<ClassLoader> ref = new WeakReference<>(loader);
        loader.close();
        return ref;
    }
}
