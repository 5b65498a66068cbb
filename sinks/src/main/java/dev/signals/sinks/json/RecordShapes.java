package dev.signals.sinks.json;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * The component names and accessors of record classes, looked up once per class. A record
 * that cannot be read (its accessors are not accessible, or one throws) is written with
 * {@code toString()} instead.
 */
final class RecordShapes {

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private RecordShapes() {
    }

    /** The shape of a record class. */
    static Shape of(Class<?> recordClass) {
        return SHAPES.get(recordClass);
    }

    /** The components of one record class. */
    static final class Shape {
        private static final Shape UNREADABLE = new Shape(new String[0], null);

        final String[] names;
        private final Method[] accessors;

        private Shape(String[] names, Method[] accessors) {
            this.names = names;
            this.accessors = accessors;
        }

        static Shape of(Class<?> type) {
            try {
                RecordComponent[] components = type.getRecordComponents();
                if (components == null) {
                    return UNREADABLE;
                }
                String[] names = new String[components.length];
                Method[] accessors = new Method[components.length];
                for (int i = 0; i < components.length; i++) {
                    names[i] = components[i].getName();
                    accessors[i] = components[i].getAccessor();
                    // Records declared private or in a closed module need this; failing is fine
                    // for public ones, and otherwise invoke() fails and we fall back.
                    accessors[i].trySetAccessible();
                }
                return new Shape(names, accessors);
            } catch (RuntimeException | LinkageError e) {
                return UNREADABLE;
            }
        }

        /** The component values of {@code record}, or {@code null} when it cannot be read. */
        Object[] read(Object record) {
            if (accessors == null) {
                return null;
            }
            Object[] values = new Object[accessors.length];
            try {
                for (int i = 0; i < accessors.length; i++) {
                    values[i] = accessors[i].invoke(record);
                }
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                return null;
            }
            return values;
        }
    }
}
