package org.rnnautograder.assignment;

/** The hidden activation g1 of the notes: tanh (required) or relu. */
public enum ActivationKind {
    /** g1(z) = tanh(z), g1'(z) = 1 − tanh(z)² = 1 − s². */
    TANH,
    /** g1(z) = max(0, z), g1'(z) = 1 if z &gt; 0 else 0 (0 at z = 0). */
    RELU
}
