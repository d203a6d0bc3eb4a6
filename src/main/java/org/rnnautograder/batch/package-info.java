/**
 * Scale-out of class grading: choosing one shard's slice of a class ({@link org.rnnautograder.batch.Shard}) and
 * joining the outputs of several shards into one ({@link org.rnnautograder.batch.ShardMerger}). Sits between the CLI
 * and {@code report}/{@code grading}: it reads and writes what {@code ReportWriter} defines.
 */
package org.rnnautograder.batch;
