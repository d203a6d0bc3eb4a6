package org.rnnautograder.assignment;

import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * One-hot vectors ("任意一个词都可以用一个N维的one-hot向量来表示"): x is m×1, all zeros but a 1 at the
 * word's id.
 */
public interface OneHot {
    /**
     * @param id   the word's id, in 0 … size−1
     * @param size m, the vocabulary size, ≥ 1
     * @return a new m×1 vector x with x[id] = 1 and every other entry 0
     * @throws IllegalArgumentException if {@code size < 1} or {@code id} is out of range, saying the range
     */
    SimpleMatrix encode(int id, int size);

    /**
     * @param ids  the ids x_1 … x_T; not modified
     * @param size m
     * @return a new list of T one-hot vectors, {@code encode(ids[t], size)} each
     */
    List<SimpleMatrix> encodeSequence(int[] ids, int size);

    /**
     * @param x an m×1 vector (one-hot or a probability vector o_t); not modified
     * @return argmax_i x[i]; on ties, the lowest index
     * @throws IllegalArgumentException if x is not a column vector with at least one row
     */
    int decode(SimpleMatrix x);
}
