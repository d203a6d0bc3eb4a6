package submission;

import java.util.ArrayList;
import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.OneHot;

/** x = e_id: an m×1 vector of zeros with a single 1 at the word's id. */
public final class OneHotEncoder implements OneHot {
    @Override
    public SimpleMatrix encode(int id, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("vocabulary size must be ≥ 1, but was " + size);
        }
        if (id < 0 || id >= size) {
            throw new IllegalArgumentException("id must be in 0 … " + (size - 1) + ", but was " + id);
        }
        SimpleMatrix x = new SimpleMatrix(size, 1);
        x.set(id, 0, 1.0);
        return x;
    }

    @Override
    public List<SimpleMatrix> encodeSequence(int[] ids, int size) {
        List<SimpleMatrix> xs = new ArrayList<>(ids.length);
        for (int id : ids) {
            xs.add(encode(id, size));
        }
        return xs;
    }

    @Override
    public int decode(SimpleMatrix x) {
        if (x.getNumCols() != 1 || x.getNumRows() < 1) {
            throw new IllegalArgumentException("x must be an m×1 column vector with m ≥ 1, but was "
                    + x.getNumRows() + "×" + x.getNumCols());
        }
        int best = 0;
        for (int i = 1; i < x.getNumRows(); i++) {
            if (x.get(i, 0) > x.get(best, 0)) { // strict: ties keep the lowest index
                best = i;
            }
        }
        return best;
    }
}
