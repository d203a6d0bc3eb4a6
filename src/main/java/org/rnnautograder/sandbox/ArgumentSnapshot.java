package org.rnnautograder.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;

/**
 * Child side of argument write-back and aliasing: a deep copy of every mutable part of a call's arguments
 * (matrices, primitive arrays, lists, the records holding them) taken just before the call, plus the
 * identity of each of those objects. After the call it tells which parts student code changed in place
 * ({@link #changes()}) and which parts of a value are argument objects ({@link #aliases(Object)}).
 *
 * <p>Paths name parts as they were before the call, so the parent can find its own counterpart even if
 * student code resized or reordered a list.
 */
final class ArgumentSnapshot {
    private sealed interface Node permits MatrixNode, ArrayNode, RecordNode, ListNode {}

    private record MatrixNode(SimpleMatrix ref, List<String> path, int rows, int cols, double[] data) implements Node {}

    private record ArrayNode(Object ref, List<String> path, Object copy) implements Node {}

    private record RecordNode(List<Node> components) implements Node {}

    private record ListNode(List<?> ref, List<String> path, Object[] entries, List<Node> children) implements Node {}

    private record Ref(int arg, List<String> path) {}

    private final ObjectMapper mapper;
    private final Node[] roots;
    private final Map<Object, Ref> identities = new IdentityHashMap<>();

    private ArgumentSnapshot(ObjectMapper mapper, int arity) {
        this.mapper = mapper;
        this.roots = new Node[arity];
    }

    /**
     * Copies the mutable parts of {@code args}; arguments whose declared type is a contract interface
     * (handles, vocabularies) are left out.
     */
    static ArgumentSnapshot take(ObjectMapper mapper, Method method, Object[] args) {
        Class<?>[] raw = method.getParameterTypes();
        ArgumentSnapshot s = new ArgumentSnapshot(mapper, args.length);
        for (int i = 0; i < args.length; i++) {
            if (!ContractMethods.isRemoteInterface(raw[i])) {
                s.roots[i] = s.copy(args[i], i, List.of());
            }
        }
        return s;
    }

    private Node copy(Object value, int arg, List<String> path) {
        ValueGraph.Kind kind = ValueGraph.kind(value);
        if (kind == ValueGraph.Kind.LEAF) {
            return null;
        }
        if (identities.putIfAbsent(value, new Ref(arg, path)) != null) {
            return null; // the same object again (cannot happen for freshly read arguments): compared once
        }
        switch (kind) {
            case MATRIX -> {
                SimpleMatrix m = (SimpleMatrix) value;
                return new MatrixNode(m, path, m.getNumRows(), m.getNumCols(), entries(m));
            }
            case ARRAY -> {
                return new ArrayNode(value, path, cloneArray(value));
            }
            case RECORD -> {
                Record r = (Record) value;
                String[] names = ValueGraph.componentNames(r);
                Object[] values = ValueGraph.componentValues(r);
                List<Node> children = new ArrayList<>();
                for (int i = 0; i < names.length; i++) {
                    Node n = copy(values[i], arg, ValueGraph.child(path, names[i]));
                    if (n != null) {
                        children.add(n);
                    }
                }
                return new RecordNode(children);
            }
            default -> {
                List<?> l = (List<?>) value;
                Object[] entries = l.toArray();
                List<Node> children = new ArrayList<>();
                for (int i = 0; i < entries.length; i++) {
                    Node n = copy(entries[i], arg, ValueGraph.child(path, Integer.toString(i)));
                    if (n != null) {
                        children.add(n);
                    }
                }
                return new ListNode(l, path, entries, children);
            }
        }
    }

    /**
     * Compares every copied part with its object now.
     *
     * @return the parts that differ, with their state now; empty if student code changed nothing in place
     */
    List<ArgumentChange> changes() {
        List<ArgumentChange> out = new ArrayList<>();
        for (int i = 0; i < roots.length; i++) {
            if (roots[i] != null) {
                diff(roots[i], i, out);
            }
        }
        return out;
    }

    private void diff(Node node, int arg, List<ArgumentChange> out) {
        if (node instanceof MatrixNode n) {
            SimpleMatrix m = n.ref();
            if (m.getNumRows() != n.rows() || m.getNumCols() != n.cols() || !sameEntries(m, n.data())) {
                out.add(new ArgumentChange(arg, n.path(), ArgumentChange.MATRIX, tree(m), null));
            }
        } else if (node instanceof ArrayNode n) {
            if (!Objects.deepEquals(n.copy(), n.ref())) {
                out.add(new ArgumentChange(arg, n.path(), ArgumentChange.ARRAY, tree(n.ref()), null));
            }
        } else if (node instanceof RecordNode n) {
            n.components().forEach(c -> diff(c, arg, out));
        } else if (node instanceof ListNode n) {
            n.children().forEach(c -> diff(c, arg, out));
            if (restructured(n)) {
                List<Alias> aliases = new ArrayList<>();
                walk(n.ref(), List.of(), aliases, true, Collections.newSetFromMap(new IdentityHashMap<>()));
                out.add(new ArgumentChange(arg, n.path(), ArgumentChange.LIST, tree(n.ref()), aliases));
            }
        }
    }

    /** @return true if the list's size changed or an entry was replaced (by another object, or an unequal value) */
    private static boolean restructured(ListNode n) {
        List<?> now = n.ref();
        Object[] before = n.entries();
        if (now.size() != before.length) {
            return true;
        }
        for (int i = 0; i < before.length; i++) {
            Object e = now.get(i);
            boolean same = ValueGraph.kind(before[i]) == ValueGraph.Kind.LEAF ? Objects.equals(before[i], e) : before[i] == e;
            if (!same) {
                return true;
            }
        }
        return false;
    }

    /**
     * Finds the parts of {@code value} that are argument objects (the value itself included); does not look
     * inside such a part.
     *
     * @return the aliases, paths relative to {@code value}
     */
    List<Alias> aliases(Object value) {
        List<Alias> out = new ArrayList<>();
        walk(value, List.of(), out, false, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private void walk(Object value, List<String> at, List<Alias> out, boolean skipSelf, Set<Object> seen) {
        ValueGraph.Kind kind = ValueGraph.kind(value);
        if (kind == ValueGraph.Kind.LEAF) {
            return;
        }
        Ref ref = skipSelf ? null : identities.get(value);
        if (ref != null) {
            out.add(new Alias(at, ref.arg(), ref.path()));
            return;
        }
        if (!seen.add(value)) {
            return; // a cycle, or the same new object twice: its parts were looked at already
        }
        if (kind == ValueGraph.Kind.RECORD) {
            Record r = (Record) value;
            String[] names = ValueGraph.componentNames(r);
            Object[] values = ValueGraph.componentValues(r);
            for (int i = 0; i < names.length; i++) {
                walk(values[i], ValueGraph.child(at, names[i]), out, false, seen);
            }
        } else if (kind == ValueGraph.Kind.LIST) {
            List<?> l = (List<?>) value;
            for (int i = 0; i < l.size(); i++) {
                walk(l.get(i), ValueGraph.child(at, Integer.toString(i)), out, false, seen);
            }
        }
    }

    private JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }

    private static double[] entries(SimpleMatrix m) {
        int size = m.getNumRows() * m.getNumCols();
        if (m.getMatrix() instanceof DMatrixRMaj d) {
            return Arrays.copyOf(d.data, size);
        }
        double[] out = new double[size];
        for (int r = 0, k = 0; r < m.getNumRows(); r++) {
            for (int c = 0; c < m.getNumCols(); c++) {
                out[k++] = m.get(r, c);
            }
        }
        return out;
    }

    /** Bitwise comparison (NaN equals NaN, 0.0 differs from -0.0); the shapes are equal. */
    private static boolean sameEntries(SimpleMatrix m, double[] before) {
        if (m.getMatrix() instanceof DMatrixRMaj d && d.data.length >= before.length) {
            return Arrays.equals(before, 0, before.length, d.data, 0, before.length);
        }
        return Arrays.equals(before, entries(m));
    }

    private static Object cloneArray(Object array) {
        int n = java.lang.reflect.Array.getLength(array);
        Object copy = java.lang.reflect.Array.newInstance(array.getClass().getComponentType(), n);
        System.arraycopy(array, 0, copy, 0, n);
        return copy;
    }
}
