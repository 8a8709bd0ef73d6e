package org.popcast.models.mobility;

/**
 * One train/test split of the rows that have a target (indices into the table's rows).
 * {@code scheme} is the split's family, {@code label} names this fold within it.
 */
public record Fold(SplitScheme scheme, String label, int[] train, int[] test) {
}
