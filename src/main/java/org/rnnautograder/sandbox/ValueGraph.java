package org.rnnautograder.sandbox;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ejml.simple.SimpleMatrix;

/**
 * The structure both sides of the sandbox agree on when they look inside a value that crossed the wire:
 * which objects are mutable (matrices, primitive arrays, lists), which are containers (records, lists),
 * and how a part is named. A path is a list of steps from a root value: a record component's name or a
 * list index. Record components are read from the record's fields (not its accessors, which may copy,
 * as {@code TrainingPair.inputs()} does), so a path names the very object the record holds.
 */
final class ValueGraph {
    /** How a value is treated. */
    enum Kind {
        /** Immutable or opaque (null, String, numbers, enums, contract interface objects, …): never walked. */
        LEAF,
        /** A SimpleMatrix: entries and shape can change in place. */
        MATRIX,
        /** An array of a primitive type: entries can change in place. */
        ARRAY,
        /** A record: immutable itself, its components are walked. */
        RECORD,
        /** A java.util.List: its entries can be replaced or resized (if mutable), and are walked. */
        LIST
    }

    private static final Map<Class<?>, Field[]> FIELDS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

    private ValueGraph() {}

    static Kind kind(Object value) {
        if (value == null) {
            return Kind.LEAF;
        }
        if (value instanceof SimpleMatrix) {
            return Kind.MATRIX;
        }
        Class<?> c = value.getClass();
        if (c.isArray() && c.getComponentType().isPrimitive()) {
            return Kind.ARRAY;
        }
        if (c.isRecord()) {
            return Kind.RECORD;
        }
        if (value instanceof List<?>) {
            return Kind.LIST;
        }
        return Kind.LEAF;
    }

    /** @return the record's component names, in declaration order */
    static String[] componentNames(Record r) {
        Field[] fields = fields(r.getClass());
        String[] names = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            names[i] = fields[i].getName();
        }
        return names;
    }

    /** @return the objects the record holds, in component order (its fields, not its accessors) */
    static Object[] componentValues(Record r) {
        Field[] fields = fields(r.getClass());
        Object[] values = new Object[fields.length];
        try {
            for (int i = 0; i < fields.length; i++) {
                values[i] = fields[i].get(r);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the components of " + r.getClass().getName(), e);
        }
        return values;
    }

    /** @return a new record of {@code r}'s class, built by its canonical constructor from {@code values} */
    static Record rebuild(Record r, Object[] values) {
        Class<?> c = r.getClass();
        Constructor<?> ctor = CONSTRUCTORS.computeIfAbsent(c, k -> {
            RecordComponent[] rc = k.getRecordComponents();
            Class<?>[] types = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                types[i] = rc[i].getType();
            }
            try {
                Constructor<?> found = k.getDeclaredConstructor(types);
                found.setAccessible(true);
                return found;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record without canonical constructor: " + k.getName(), e);
            }
        });
        try {
            return (Record) ctor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("cannot rebuild a " + c.getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }

    /**
     * @return the object at {@code path} inside {@code root}
     * @throws IllegalArgumentException if the path does not lead through records and lists of {@code root}
     */
    static Object navigate(Object root, List<String> path) {
        Object node = root;
        for (String step : path) {
            node = step(node, step);
        }
        return node;
    }

    private static Object step(Object node, String step) {
        if (node instanceof Record r) {
            String[] names = componentNames(r);
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(step)) {
                    return componentValues(r)[i];
                }
            }
        } else if (node instanceof List<?> l) {
            int i = index(step);
            if (i >= 0 && i < l.size()) {
                return l.get(i);
            }
        }
        throw new IllegalArgumentException("no part " + step + " in " + (node == null ? "null" : node.getClass().getName()));
    }

    /**
     * Replaces the part of {@code root} at {@code path}: a list entry is set in place where the list allows it
     * (else the list is copied), records on the way are rebuilt by their canonical constructors.
     *
     * @return the new root (the same object unless a record on the way was rebuilt, or the root is replaced)
     */
    static Object replace(Object root, List<String> path, Object replacement) {
        return replace(root, path, 0, replacement);
    }

    private static Object replace(Object node, List<String> path, int from, Object replacement) {
        if (from == path.size()) {
            return replacement;
        }
        String step = path.get(from);
        if (node instanceof Record r) {
            String[] names = componentNames(r);
            Object[] values = componentValues(r);
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(step)) {
                    Object next = replace(values[i], path, from + 1, replacement);
                    if (next == values[i]) {
                        return r;
                    }
                    values[i] = next;
                    return rebuild(r, values);
                }
            }
        } else if (node instanceof List<?> l) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) l;
            int i = index(step);
            if (i >= 0 && i < list.size()) {
                Object next = replace(list.get(i), path, from + 1, replacement);
                if (next == list.get(i)) {
                    return list;
                }
                try {
                    list.set(i, next);
                    return list;
                } catch (UnsupportedOperationException e) {
                    List<Object> copy = new ArrayList<>(list);
                    copy.set(i, next);
                    return copy;
                }
            }
        }
        throw new IllegalArgumentException("no part " + step + " in " + (node == null ? "null" : node.getClass().getName()));
    }

    /** @return the declared type of the part at {@code path} inside a value declared as {@code root}, or Object */
    static Type typeAt(Type root, List<String> path) {
        Type t = root;
        for (String step : path) {
            t = stepType(t, step);
        }
        return t;
    }

    private static Type stepType(Type t, String step) {
        Class<?> raw = raw(t);
        if (raw != null && raw.isRecord()) {
            for (RecordComponent rc : raw.getRecordComponents()) {
                if (rc.getName().equals(step)) {
                    return rc.getGenericType();
                }
            }
        }
        if (raw != null && List.class.isAssignableFrom(raw) && t instanceof ParameterizedType p) {
            Type e = p.getActualTypeArguments()[0];
            return e instanceof WildcardType w ? w.getUpperBounds()[0] : e;
        }
        return Object.class;
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    /** @return {@code path} extended by {@code step} (a new list) */
    static List<String> child(List<String> path, String step) {
        List<String> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(step);
        return out;
    }

    /** @return "argument 2 (o)" style text: the argument number and the path, e.g. "#0.U", "#1[3]" */
    static String describe(int arg, List<String> path) {
        StringBuilder sb = new StringBuilder("#").append(arg);
        for (String step : path) {
            if (index(step) >= 0) {
                sb.append('[').append(step).append(']');
            } else {
                sb.append('.').append(step);
            }
        }
        return sb.toString();
    }

    private static int index(String step) {
        if (step.isEmpty() || step.length() > 9) {
            return -1;
        }
        for (int i = 0; i < step.length(); i++) {
            if (!Character.isDigit(step.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(step);
    }

    private static Field[] fields(Class<?> c) {
        return FIELDS.computeIfAbsent(c, k -> {
            RecordComponent[] rc = k.getRecordComponents();
            Field[] out = new Field[rc.length];
            for (int i = 0; i < rc.length; i++) {
                try {
                    out[i] = k.getDeclaredField(rc[i].getName());
                    out[i].setAccessible(true);
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException("a record without the field of component " + rc[i].getName(), e);
                }
            }
            return out;
        });
    }
}
