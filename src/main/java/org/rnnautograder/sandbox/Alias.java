package org.rnnautograder.sandbox;

import java.util.List;

/**
 * One identity found in the child: the part of a value at {@code at} is the very object that argument
 * {@code arg} holds at {@code path} (an empty path: the argument itself).
 *
 * @param at   the path inside the value (the call's result, or a list an argument was changed into)
 * @param arg  the argument index
 * @param path the path inside that argument
 */
record Alias(List<String> at, int arg, List<String> path) {}
