/**
 * The assignment: the contract a submission implements. This package is the handout.
 *
 * <p>Build a basic recurrent neural network by hand, following the course notes:
 * <pre>
 *   s_0 = 0
 *   s_t = g1(U x_t + W s_{t-1} + b_a)      g1 = tanh (required) or relu
 *   o_t = softmax(V s_t + b_y)             g2 = softmax
 *   L   = Σ_t −ln o_t[y_t]                  summed over time, not averaged
 * </pre>
 *
 * <table>
 *   <caption>Notation</caption>
 *   <tr><th>symbol</th><th>shape</th><th>meaning</th></tr>
 *   <tr><td>m</td><td></td><td>vocabulary size (number of tokens)</td></tr>
 *   <tr><td>n</td><td></td><td>hidden size (chosen by the user)</td></tr>
 *   <tr><td>x_t</td><td>m×1</td><td>one-hot input at time t</td></tr>
 *   <tr><td>s_t</td><td>n×1</td><td>hidden state, s_0 = 0</td></tr>
 *   <tr><td>o_t</td><td>m×1</td><td>output probabilities</td></tr>
 *   <tr><td>U</td><td>n×m</td><td>input → hidden</td></tr>
 *   <tr><td>W</td><td>n×n</td><td>hidden → hidden (shared over time)</td></tr>
 *   <tr><td>V</td><td>m×n</td><td>hidden → output</td></tr>
 *   <tr><td>b_a</td><td>n×1</td><td>hidden bias</td></tr>
 *   <tr><td>b_y</td><td>m×1</td><td>output bias</td></tr>
 * </table>
 *
 * <p>Implement the components in this order (the notes' pipeline: build the dictionary → input/label
 * pairs → one-hot → define the model → train → evaluate):
 * {@link org.rnnautograder.assignment.Tokenizer}, {@link org.rnnautograder.assignment.Vocabulary},
 * {@link org.rnnautograder.assignment.OneHot}, {@link org.rnnautograder.assignment.Activation},
 * {@link org.rnnautograder.assignment.CrossEntropy}, {@link org.rnnautograder.assignment.RnnCell},
 * {@link org.rnnautograder.assignment.Rnn}, {@link org.rnnautograder.assignment.Sgd},
 * {@link org.rnnautograder.assignment.LanguageModel}. A submission exposes them through one
 * {@link org.rnnautograder.assignment.Submission}, registered in
 * {@code META-INF/services/org.rnnautograder.assignment.Submission}.
 *
 * <p>Rules for every method: all matrices are EJML {@link org.ejml.simple.SimpleMatrix}; vectors are
 * column vectors. Never modify an argument, and never return an argument (or a matrix inside one)
 * as your result: return new objects. The records in this package (given, not your work) check
 * shapes when they are built and report both shapes on a mismatch.
 */
package org.rnnautograder.assignment;
