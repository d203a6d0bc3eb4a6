/**
 * A reusable finite-difference gradient checker (think {@code torch.autograd.gradcheck} for Java) and the
 * BPTT doctor. Depends only on the assignment contract, the message catalogue ({@code i18n}, for the doctor's
 * sentences and the report summary), EJML and the JDK; knows nothing about JUnit or students.
 *
 * <ul>
 *   <li>{@link org.rnnautograder.gradcheck.GradientChecker}: central differences over named blocks, modes
 *       FULL / SAMPLED / DIRECTIONAL, DL4J's rule (fail ⇔ r &gt; rtol and e &gt; atol), a
 *       {@link org.rnnautograder.gradcheck.KinkGuard} hook, {@link org.rnnautograder.gradcheck.GradCheckReport}.</li>
 *   <li>{@link org.rnnautograder.gradcheck.RnnGradCheck}: checks of {@code Rnn.backward} (blocks U, W, V,
 *       b_a, b_y) and {@code RnnCell.backward} (plus s_prev), with the relu
 *       {@link org.rnnautograder.gradcheck.RnnKinkGuard}.</li>
 *   <li>{@link org.rnnautograder.gradcheck.BpttDoctor}: first wrong prefix T, wrong step, most likely
 *       {@link org.rnnautograder.gradcheck.BugModel} → {@link org.rnnautograder.gradcheck.Diagnosis}.</li>
 *   <li>{@link org.rnnautograder.gradcheck.ReferenceRnn}: this package's own correct forward and BPTT.</li>
 *   <li>{@link org.rnnautograder.gradcheck.GradCheckCalibration} and
 *       {@link org.rnnautograder.gradcheck.GradCheckBenchmark}: the measurements in docs/gradcheck.md.</li>
 * </ul>
 */
package org.rnnautograder.gradcheck;
