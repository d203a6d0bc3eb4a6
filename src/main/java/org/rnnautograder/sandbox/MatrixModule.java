package org.rnnautograder.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * Jackson module that writes an EJML {@link SimpleMatrix} as an array of rows ({@code [[1,2],[3,4]]})
 * and reads it back. An r×0 matrix is written as r empty rows; an empty array reads as 0×0.
 * NaN and ±Infinity are written as the bare tokens {@code NaN}, {@code Infinity}, {@code -Infinity}
 * (see {@link Wire}) and also accepted as strings.
 */
public final class MatrixModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** Creates the module with the SimpleMatrix serializer and deserializer registered. */
    public MatrixModule() {
        super("rnn-autograder-matrix");
        addSerializer(SimpleMatrix.class, new Serializer());
        addDeserializer(SimpleMatrix.class, new Deserializer());
    }

    /** Writes rows of numbers. */
    static final class Serializer extends JsonSerializer<SimpleMatrix> {
        @Override
        public void serialize(SimpleMatrix m, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartArray();
            for (int r = 0; r < m.getNumRows(); r++) {
                gen.writeStartArray();
                for (int c = 0; c < m.getNumCols(); c++) {
                    gen.writeNumber(m.get(r, c));
                }
                gen.writeEndArray();
            }
            gen.writeEndArray();
        }

        @Override
        public Class<SimpleMatrix> handledType() {
            return SimpleMatrix.class;
        }
    }

    /** Reads rows of numbers; rejects ragged rows with both lengths in the message. */
    static final class Deserializer extends JsonDeserializer<SimpleMatrix> {
        @Override
        public SimpleMatrix deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                return (SimpleMatrix) ctxt.handleUnexpectedToken(SimpleMatrix.class, p);
            }
            List<double[]> rows = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    return (SimpleMatrix) ctxt.handleUnexpectedToken(SimpleMatrix.class, p);
                }
                List<Double> row = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    row.add(readNumber(p, ctxt));
                }
                double[] values = new double[row.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(i);
                }
                if (!rows.isEmpty() && rows.get(0).length != values.length) {
                    throw ctxt.weirdStringException(String.valueOf(values.length), SimpleMatrix.class,
                            "expected every row to have " + rows.get(0).length + " entries, but row " + rows.size()
                                    + " had " + values.length);
                }
                rows.add(values);
            }
            if (rows.isEmpty()) {
                return new SimpleMatrix(0, 0);
            }
            SimpleMatrix m = new SimpleMatrix(rows.size(), rows.get(0).length);
            for (int r = 0; r < rows.size(); r++) {
                double[] row = rows.get(r);
                for (int c = 0; c < row.length; c++) {
                    m.set(r, c, row[c]);
                }
            }
            return m;
        }

        private static double readNumber(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
                return p.getDoubleValue();
            }
            if (t == JsonToken.VALUE_STRING) {
                try {
                    return Double.parseDouble(p.getText());
                } catch (NumberFormatException e) {
                    throw ctxt.weirdStringException(p.getText(), double.class, "expected a number");
                }
            }
            return (Double) ctxt.handleUnexpectedToken(double.class, p);
        }
    }
}
