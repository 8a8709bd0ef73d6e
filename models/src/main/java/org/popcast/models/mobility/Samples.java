package org.popcast.models.mobility;

import java.util.Arrays;

/**
 * Network inputs for {@code count} samples stored flat, row-major: each sample is a feature row
 * ({@code shape = {features}}) or a yearly window ({@code shape = {years, features}}); targets may
 * be null when only predicting.
 */
public record Samples(float[] data, int count, long[] shape, float[] targets) {

    public Samples {
        long size = 1;
        for (long d : shape) {
            size *= d;
        }
        if (data.length != size * count || targets != null && targets.length != count) {
            throw new IllegalArgumentException("samples: " + data.length + " values for " + count + " samples of shape "
                    + Arrays.toString(shape) + (targets == null ? "" : " and " + targets.length + " targets"));
        }
    }

    public int sampleSize() {
        return data.length / Math.max(count, 1);
    }

    /** The samples at positions {@code from .. to - 1} of {@code order}. */
    public Samples subset(int[] order, int from, int to) {
        int size = count == 0 ? 0 : data.length / count;
        float[] d = new float[(to - from) * size];
        float[] y = targets == null ? null : new float[to - from];
        for (int i = from; i < to; i++) {
            System.arraycopy(data, order[i] * size, d, (i - from) * size, size);
            if (y != null) {
                y[i - from] = targets[order[i]];
            }
        }
        return new Samples(d, to - from, shape, y);
    }
}
