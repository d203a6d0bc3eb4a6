package org.rnnautograder.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One argument part that student code changed in place, child → parent, with its state after the call.
 *
 * @param arg     the argument index
 * @param path    where in the argument (record components, list indices; empty: the argument itself), as it
 *                was before the call
 * @param kind    {@link #MATRIX} (value: the matrix, maybe of another shape), {@link #ARRAY} (value: all
 *                entries) or {@link #LIST} (value: the list's new entries; entries that are objects of the
 *                arguments are named by {@code aliases}, relative to the list)
 * @param value   the state after the call, as JSON
 * @param aliases for {@link #LIST}: which new entries are argument objects; else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ArgumentChange(int arg, List<String> path, String kind, JsonNode value, List<Alias> aliases) {
    static final String MATRIX = "matrix";
    static final String ARRAY = "array";
    static final String LIST = "list";
}
