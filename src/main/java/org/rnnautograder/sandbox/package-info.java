/**
 * The untrusted side of grading: compiling a submission ({@link org.rnnautograder.sandbox.SubmissionCompiler},
 * always {@code -proc:none}), and running it in a child JVM ({@link org.rnnautograder.sandbox.SandboxedSubmission})
 * behind proxies of the contract's interfaces, with memory, stack, time and output limits and, where bubblewrap
 * works, no network and a read-only view of only what the child needs
 * ({@link org.rnnautograder.sandbox.IsolationMode}).
 *
 * <p>Depends only on the contract ({@code assignment}), Jackson and EJML: no JUnit, no grading code. The child
 * main class ({@link org.rnnautograder.sandbox.SandboxChild}) and the wire format ({@link org.rnnautograder.sandbox.Wire},
 * {@link org.rnnautograder.fixtures.MatrixModule}) live here too, since the child runs from the same class path.
 */
package org.rnnautograder.sandbox;
