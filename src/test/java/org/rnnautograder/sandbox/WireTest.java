package org.rnnautograder.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.CompletionConfig;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.RnnTrace;
import org.rnnautograder.assignment.TrainingResult;

class WireTest {
    private final ObjectMapper mapper = Wire.mapper();

    private <T> T roundTrip(Object value, Class<T> type) throws Exception {
        return mapper.readValue(mapper.writeValueAsString(value), type);
    }

    @Test
    void matricesAreArraysOfRowsAndKeepNonFiniteValues() throws Exception {
        SimpleMatrix m = new SimpleMatrix(new double[][] {{1.5, Double.NaN}, {Double.POSITIVE_INFINITY, -0.1}});
        assertEquals("[[1.5,NaN],[Infinity,-0.1]]", mapper.writeValueAsString(m));
        SimpleMatrix back = roundTrip(m, SimpleMatrix.class);
        assertTrue(Double.isNaN(back.get(0, 1)));
        assertEquals(Double.POSITIVE_INFINITY, back.get(1, 0));
        assertEquals(-0.1, back.get(1, 1));
        assertEquals(2, mapper.readValue("[[\"NaN\",1]]", SimpleMatrix.class).getNumCols());
        assertThrows(Exception.class, () -> mapper.readValue("[[1,2],[3]]", SimpleMatrix.class));
    }

    @Test
    void recordsRoundTripExactly() throws Exception {
        RnnParameters p = RnnParameters.initialize(4, 3, 11);
        RnnParameters back = roundTrip(p, RnnParameters.class);
        for (int i = 0; i < 5; i++) {
            assertTrue(p.blocks().get(i).isIdentical(back.blocks().get(i), 0), RnnParameters.BLOCKS.get(i));
        }
        TrainingResult r = roundTrip(new TrainingResult(p, new double[] {Double.NaN, 2.5}), TrainingResult.class);
        assertTrue(Double.isNaN(r.lossHistory()[0]));
        assertEquals(new CompletionConfig(5, 0.7, 99), roundTrip(new CompletionConfig(5, 0.7, 99), CompletionConfig.class));
        RnnTrace t = new RnnTrace(List.of(new SimpleMatrix(2, 1), new SimpleMatrix(2, 1)), List.of(new SimpleMatrix(3, 1)));
        assertEquals(1, roundTrip(t, RnnTrace.class).T());
    }

    @Test
    void utf8ChunksNeverSplitACharacter() {
        byte[] b = "a你".getBytes(StandardCharsets.UTF_8);
        assertEquals(4, OutputCapture.completeUtf8Prefix(b));
        assertEquals(1, OutputCapture.completeUtf8Prefix(java.util.Arrays.copyOf(b, 3)));
        assertArrayEquals(new byte[0], new byte[OutputCapture.completeUtf8Prefix(new byte[0])]);
    }
}
