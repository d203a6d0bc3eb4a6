package org.rnnautograder.sandbox;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The invocation handler behind every parent-side proxy of a child-side object: forwards contract
 * calls to the sandbox with the object's handle; answers equals/hashCode/toString itself (identity).
 */
final class RemoteObject implements InvocationHandler {
    /** Generation value of the entry point's handle: valid in every child life. */
    static final int ANY_GENERATION = -1;

    private final SandboxedSubmission sandbox;
    private final Class<?> iface;
    private final int handle;
    private final int generation;

    private RemoteObject(SandboxedSubmission sandbox, Class<?> iface, int handle, int generation) {
        this.sandbox = sandbox;
        this.iface = iface;
        this.handle = handle;
        this.generation = generation;
    }

    /**
     * @param iface      a contract interface
     * @param handle     the child-side handle
     * @param generation the child life the handle belongs to, or {@link #ANY_GENERATION}
     * @return a new proxy implementing {@code iface}
     */
    static <T> T proxy(SandboxedSubmission sandbox, Class<T> iface, int handle, int generation) {
        Object p = Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface},
                new RemoteObject(sandbox, iface, handle, generation));
        return iface.cast(p);
    }

    /** @return the handler of {@code o} if it is a proxy made by this class, else null */
    static RemoteObject of(Object o) {
        if (o != null && Proxy.isProxyClass(o.getClass()) && Proxy.getInvocationHandler(o) instanceof RemoteObject r) {
            return r;
        }
        return null;
    }

    SandboxedSubmission sandbox() {
        return sandbox;
    }

    Class<?> iface() {
        return iface;
    }

    int handle() {
        return handle;
    }

    int generation() {
        return generation;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "sandboxed " + iface.getSimpleName() + " #" + handle;
                default -> throw new UnsupportedOperationException(method.toString());
            };
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        return sandbox.invoke(this, method, args == null ? new Object[0] : args);
    }
}
