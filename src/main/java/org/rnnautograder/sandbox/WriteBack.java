package org.rnnautograder.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;

/**
 * Parent side of argument write-back and aliasing: makes the caller's arguments and the deserialised
 * result look as they would after an in-process call. Changes are applied in three phases, so that every
 * path (which names a part as it was before the call) is resolved before anything moves: find the targets
 * and decode the new states; write matrices and arrays in place; then restructure lists.
 */
final class WriteBack {
    private final ObjectMapper mapper;
    private final Method method;
    private final Object[] args;
    private final List<String> writtenBack = new ArrayList<>();
    private final List<String> reshaped = new ArrayList<>();
    private final List<String> notApplied = new ArrayList<>();
    private final List<String> aliases = new ArrayList<>();

    /**
     * @param method the called contract method
     * @param args   the caller's arguments: written to by {@link #applyChanges}
     */
    WriteBack(ObjectMapper mapper, Method method, Object[] args) {
        this.mapper = mapper;
        this.method = method;
        this.args = args;
    }

    /** A decoded change, its target found. */
    private record Pending(ArgumentChange change, Object target, Object value, String where) {}

    /**
     * Copies what student code did to its (child-side) arguments into the caller's objects.
     *
     * @throws IllegalArgumentException if a change does not fit the caller's arguments (a protocol error)
     */
    void applyChanges(List<ArgumentChange> changes) {
        if (changes == null || changes.isEmpty()) {
            return;
        }
        Type[] types = method.getGenericParameterTypes();
        List<Pending> pending = new ArrayList<>();
        for (ArgumentChange c : changes) {
            if (c.arg() < 0 || c.arg() >= args.length) {
                throw new IllegalArgumentException("no argument " + c.arg());
            }
            Object target = ValueGraph.navigate(args[c.arg()], c.path());
            Type type = ValueGraph.typeAt(types[c.arg()], c.path());
            Object value = switch (c.kind()) {
                case ArgumentChange.MATRIX -> mapper.convertValue(c.value(), SimpleMatrix.class);
                case ArgumentChange.ARRAY -> mapper.convertValue(c.value(), target.getClass());
                case ArgumentChange.LIST -> resolve(mapper.convertValue(c.value(), mapper.constructType(type)),
                        c.aliases(), null);
                default -> throw new IllegalArgumentException("unknown change kind " + c.kind());
            };
            pending.add(new Pending(c, target, value, ValueGraph.describe(c.arg(), c.path())));
        }
        for (Pending p : pending) {
            if (p.target() instanceof SimpleMatrix m && p.value() instanceof SimpleMatrix v) {
                if (m.getNumRows() != v.getNumRows() || m.getNumCols() != v.getNumCols()) {
                    reshaped.add(p.where());
                }
                copyInto(m, v);
                writtenBack.add(p.where());
            } else if (ArgumentChange.ARRAY.equals(p.change().kind()) && p.target() != null
                    && p.target().getClass() == p.value().getClass()) {
                int n = java.lang.reflect.Array.getLength(p.target());
                if (n != java.lang.reflect.Array.getLength(p.value())) {
                    throw new IllegalArgumentException("an array of another length at " + p.where());
                }
                System.arraycopy(p.value(), 0, p.target(), 0, n);
                writtenBack.add(p.where());
            } else if (!ArgumentChange.LIST.equals(p.change().kind())) {
                throw new IllegalArgumentException("a " + p.change().kind() + " change at " + p.where() + ", which is a "
                        + (p.target() == null ? "null" : p.target().getClass().getName()));
            }
        }
        for (Pending p : pending) {
            if (ArgumentChange.LIST.equals(p.change().kind())) {
                if (!(p.target() instanceof List<?>) || !(p.value() instanceof List<?>)) {
                    throw new IllegalArgumentException("a list change at " + p.where() + ", which is not a list");
                }
                @SuppressWarnings("unchecked")
                List<Object> target = (List<Object>) p.target();
                if (restructure(target, (List<?>) p.value())) {
                    writtenBack.add(p.where());
                } else {
                    notApplied.add(p.where());
                }
            }
        }
    }

    /**
     * Puts the caller's objects into {@code result} where the child's result held argument objects.
     *
     * @return the result to hand to the caller (records on the way are rebuilt, so it may be a new object)
     */
    Object applyAliases(Object result, List<Alias> found) {
        return resolve(result, found, "result");
    }

    /** @return the effects applied so far */
    CallEffects effects() {
        if (writtenBack.isEmpty() && notApplied.isEmpty() && aliases.isEmpty()) {
            return CallEffects.NONE;
        }
        return new CallEffects(writtenBack, reshaped, notApplied, aliases);
    }

    /** Replaces the aliased parts of {@code value} by the caller's objects; records them if {@code label} is set. */
    private Object resolve(Object value, List<Alias> found, String label) {
        if (found == null || found.isEmpty()) {
            return value;
        }
        List<Object> originals = new ArrayList<>(found.size());
        for (Alias a : found) {
            if (a.arg() < 0 || a.arg() >= args.length) {
                throw new IllegalArgumentException("no argument " + a.arg());
            }
            originals.add(ValueGraph.navigate(args[a.arg()], a.path()));
        }
        Object out = value;
        for (int i = 0; i < found.size(); i++) {
            Alias a = found.get(i);
            out = ValueGraph.replace(out, a.at(), originals.get(i));
            if (label != null) {
                aliases.add(label + ValueGraph.describe(0, a.at()).substring(2) + " = "
                        + ValueGraph.describe(a.arg(), a.path()));
            }
        }
        return out;
    }

    /** Copies {@code source} into {@code target}, reshaping it if needed (bitwise: NaN and -0.0 survive). */
    private static void copyInto(SimpleMatrix target, SimpleMatrix source) {
        if (target.getMatrix() instanceof DMatrixRMaj t && source.getMatrix() instanceof DMatrixRMaj s) {
            t.setTo(s);
            return;
        }
        if (target.getNumRows() != source.getNumRows() || target.getNumCols() != source.getNumCols()) {
            target.reshape(source.getNumRows(), source.getNumCols());
        }
        for (int r = 0; r < source.getNumRows(); r++) {
            for (int c = 0; c < source.getNumCols(); c++) {
                target.set(r, c, source.get(r, c));
            }
        }
    }

    /** @return false if {@code target} refused the change (unmodifiable), leaving it as it was */
    private static boolean restructure(List<Object> target, List<?> now) {
        try {
            if (target.size() == now.size()) {
                for (int i = 0; i < now.size(); i++) {
                    if (target.get(i) != now.get(i)) {
                        target.set(i, now.get(i));
                    }
                }
            } else {
                target.clear();
                target.addAll(now);
            }
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
