package org.rnnautograder.sandbox;

import org.rnnautograder.fixtures.TableVocabulary;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.Vocabulary;
import org.rnnautograder.i18n.Messages;

/**
 * The child's call handler: keeps the objects student code returned behind integer handles, turns a
 * {@link CallRequest} into a real call on one of them and the outcome into a reply. Never throws for
 * anything student code does (including {@link StackOverflowError}); the reply carries it.
 */
final class ChildDispatcher {
    private final ObjectMapper mapper;
    private final Map<Integer, Object> handles = new HashMap<>();
    private int nextHandle = 1;

    /** @param submission the loaded entry point; becomes handle 0 */
    ChildDispatcher(ObjectMapper mapper, Submission submission) {
        this.mapper = mapper;
        handles.put(0, submission);
    }

    /**
     * Serves one call. May store a new handle.
     *
     * @param request the call; not modified
     * @return the reply to send
     */
    ChildMessage serve(CallRequest request) {
        Method method;
        Object target;
        Object[] args;
        ArgumentSnapshot before;
        try {
            method = ContractMethods.resolve(request.iface(), request.method(), request.params());
            target = handles.get(request.handle());
            if (target == null || !method.getDeclaringClass().isInstance(target)) {
                throw new IllegalArgumentException("expected handle " + request.handle() + " to be a "
                        + method.getDeclaringClass().getSimpleName() + ", but it is "
                        + (target == null ? "unknown" : target.getClass().getName()));
            }
            args = readArguments(method, request.args());
            before = ArgumentSnapshot.take(mapper, method, args);
        } catch (RuntimeException e) {
            return ChildMessage.failed(request.id(), RemoteError.of(e, null, true));
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            String niy = cause instanceof NotImplementedYetException n ? n.method() : null;
            return ChildMessage.failed(request.id(), RemoteError.of(cause, niy, false))
                    .withEffects(changesOrNone(before), null);
        } catch (IllegalAccessException | RuntimeException e) {
            return ChildMessage.failed(request.id(), RemoteError.of(e, null, true));
        }
        try {
            ChildMessage reply = reply(request.id(), method, result);
            List<Alias> aliases = reply.handle() == null ? before.aliases(result) : null;
            return reply.withEffects(before.changes(), aliases);
        } catch (RuntimeException | StackOverflowError e) {
            // e.g. a student List whose iteration throws, or an unserialisable value
            return ChildMessage.failed(request.id(), RemoteError.of(e, null, false));
        }
    }

    /** After student code threw: what it changed before, or nothing if even that cannot be read. */
    private static List<ArgumentChange> changesOrNone(ArgumentSnapshot before) {
        try {
            return before.changes();
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private ChildMessage reply(long id, Method method, Object result) {
        if (ContractMethods.isRemoteInterface(method.getReturnType())) {
            if (result == null) {
                return ChildMessage.value(id, null);
            }
            int handle = nextHandle++;
            handles.put(handle, result);
            return ChildMessage.handle(id, handle);
        }
        if (method.getReturnType() == void.class) {
            return ChildMessage.value(id, null);
        }
        JavaType type = mapper.constructType(method.getGenericReturnType());
        try {
            byte[] json = mapper.writerFor(type).writeValueAsBytes(result);
            return ChildMessage.value(id, mapper.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(Messages.text("sandbox.result-not-sent", method.getName(), e.getMessage()),
                    e);
        }
    }

    private Object[] readArguments(Method method, List<JsonNode> json) {
        Type[] types = method.getGenericParameterTypes();
        Class<?>[] raw = method.getParameterTypes();
        if (json == null || json.size() != types.length) {
            throw new IllegalArgumentException("expected " + types.length + " arguments for " + method.getName()
                    + ", but got " + (json == null ? "none" : json.size()));
        }
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            JsonNode node = json.get(i);
            if (ContractMethods.isRemoteInterface(raw[i])) {
                args[i] = remoteArgument(raw[i], node);
            } else {
                args[i] = mapper.convertValue(node, mapper.constructType(types[i]));
            }
        }
        return args;
    }

    private Object remoteArgument(Class<?> type, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.has(CallRequest.HANDLE)) {
            Object o = handles.get(node.get(CallRequest.HANDLE).asInt());
            if (!type.isInstance(o)) {
                throw new IllegalArgumentException("expected a handle to a " + type.getSimpleName() + ", but got "
                        + node);
            }
            return o;
        }
        if (type == Vocabulary.class && node.has(CallRequest.VOCABULARY)) {
            List<String> tokens = new ArrayList<>();
            node.get(CallRequest.VOCABULARY).forEach(t -> tokens.add(t.asText()));
            return new TableVocabulary(tokens);
        }
        throw new IllegalArgumentException("expected a handle or a vocabulary table for " + type.getSimpleName()
                + ", but got " + node);
    }
}
