package org.rnnautograder.sandbox;

import org.rnnautograder.fixtures.MatrixModule;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.rnnautograder.fixtures.MatrixModule;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import org.rnnautograder.fixtures.MatrixModule;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import org.rnnautograder.fixtures.MatrixModule;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import org.rnnautograder.fixtures.MatrixModule;
import com.fasterxml.jackson.databind.DeserializationFeature;
import org.rnnautograder.fixtures.MatrixModule;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rnnautograder.fixtures.MatrixModule;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.rnnautograder.fixtures.MatrixModule;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration both sides of the sandbox protocol use: SimpleMatrix as rows
 * ({@link MatrixModule}), records through their canonical constructors, NaN/±Infinity as bare
 * non-numeric tokens on write and accepted on read, unknown properties ignored (so that derived
 * bean-style getters such as {@code CompletionConfig.isGreedy()} do not break reading).
 */
public final class Wire {
    private static final ObjectMapper MAPPER = create();

    private Wire() {}

    /** @return the shared, thread-safe mapper; callers must not reconfigure it */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** @return a new mapper with the protocol configuration */
    public static ObjectMapper create() {
        return JsonMapper.builder()
                .addModule(new MatrixModule())
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .build();
    }
}
