/**
 * Student-facing text in English and Simplified Chinese: {@link org.rnnautograder.i18n.Messages}, the one
 * message catalogue, and {@link org.rnnautograder.i18n.Language}, how the language is chosen. Depends on nothing
 * else in the autograder.
 */
package org.rnnautograder.i18n;
