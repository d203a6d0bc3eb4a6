package org.rnnautograder.sandbox;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rnnautograder.assignment.Submission;

/** What both sides agree on about the contract: which types stay behind handles and how methods are named. */
final class ContractMethods {
    private static final String CONTRACT_PACKAGE = Submission.class.getPackageName();
    private static final Map<String, Class<?>> PRIMITIVES = Map.of("int", int.class, "long", long.class,
            "double", double.class, "float", float.class, "boolean", boolean.class, "short", short.class,
            "byte", byte.class, "char", char.class);

    private ContractMethods() {}

    /** @return true if values of {@code type} stay in the child behind a handle (a contract interface) */
    static boolean isRemoteInterface(Class<?> type) {
        return type.isInterface() && type.getPackageName().equals(CONTRACT_PACKAGE);
    }

    /** @return the binary names of {@code m}'s parameter types, in order */
    static List<String> parameterNames(Method m) {
        List<String> names = new ArrayList<>();
        for (Class<?> p : m.getParameterTypes()) {
            names.add(p.getName());
        }
        return names;
    }

    /** @return "Iface.method", the way messages to students name a method, e.g. "RnnCell.backward" */
    static String displayName(Class<?> iface, String method) {
        return iface.getSimpleName() + "." + method;
    }

    /**
     * Finds a contract interface method.
     *
     * @param ifaceName the interface's binary name; must be a contract interface
     * @param name      the method name
     * @param params    parameter type names as {@link #parameterNames} gives them
     * @throws IllegalArgumentException if the interface is not a contract interface or has no such method
     */
    static Method resolve(String ifaceName, String name, List<String> params) {
        Class<?> iface;
        try {
            iface = Class.forName(ifaceName, false, ContractMethods.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("expected a contract interface, but got unknown type " + ifaceName);
        }
        if (!isRemoteInterface(iface)) {
            throw new IllegalArgumentException("expected an interface of " + CONTRACT_PACKAGE + ", but got " + ifaceName);
        }
        Class<?>[] types = new Class<?>[params.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = typeNamed(params.get(i));
        }
        try {
            return iface.getMethod(name, types);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("expected a method of " + ifaceName + ", but got " + name + params);
        }
    }

    private static Class<?> typeNamed(String name) {
        Class<?> primitive = PRIMITIVES.get(name);
        if (primitive != null) {
            return primitive;
        }
        try {
            return Class.forName(name, false, ContractMethods.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("expected a parameter type known to the contract, but got " + name);
        }
    }
}
