package org.rnnautograder.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One call, parent → child: invoke {@code iface.method(params…)} on the object behind {@code handle}.
 *
 * @param id     the call number, echoed in the reply
 * @param handle the child-side object (0 = the submission's entry point)
 * @param iface  the contract interface, fully qualified
 * @param method the method name
 * @param params the parameter types (binary names, primitives by keyword) to pick the overload
 * @param args   the arguments as JSON; a contract interface argument is {@code {"$handle": n}} or
 *               {@code {"$vocabulary": [tokens by id]}}
 */
record CallRequest(long id, int handle, String iface, String method, List<String> params, List<JsonNode> args) {
    /** Property of an argument object naming a child-side handle. */
    static final String HANDLE = "$handle";
    /** Property of an argument object carrying a Vocabulary by value (its tokens, by id). */
    static final String VOCABULARY = "$vocabulary";
}
