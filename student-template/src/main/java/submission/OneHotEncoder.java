package submission;

import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.OneHot;

/**
 * One-hot vectors ("任意一个词都可以用一个N维的one-hot向量来表示"): x = e_id, an m×1 column of zeros with a
 * single 1 at the word's id. {@code new SimpleMatrix(m, 1)} is all zeros.
 */
public final class OneHotEncoder implements OneHot {
    /**
     * @return a new m×1 vector with x[id] = 1
     * @throws IllegalArgumentException if size &lt; 1 or id is outside 0 … size−1, saying the range
     */
    @Override
    public SimpleMatrix encode(int id, int size) {
        throw new NotImplementedYetException("OneHot.encode");
    }

    /** @return a new list with {@code encode(ids[t], size)} for every t */
    @Override
    public List<SimpleMatrix> encodeSequence(int[] ids, int size) {
        throw new NotImplementedYetException("OneHot.encodeSequence");
    }

    /**
     * @return argmax_i x[i]; on ties the LOWEST index wins (compare with a strict &gt;)
     * @throws IllegalArgumentException if x is not an m×1 column with m ≥ 1
     */
    @Override
    public int decode(SimpleMatrix x) {
        throw new NotImplementedYetException("OneHot.decode");
    }
}
