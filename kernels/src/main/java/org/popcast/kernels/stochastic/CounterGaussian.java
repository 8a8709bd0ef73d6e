package org.popcast.kernels.stochastic;

import org.apache.commons.rng.core.source64.Philox4x64;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Standard normal draws addressed by a key rather than by a position in a stream: the draw for
 * (stream, trajectory, region, year) comes from a Philox4x64-10 generator (Salmon et al. 2011,
 * Random123; Commons RNG's implementation) whose key is (seed, stream) and whose 256-bit counter
 * starts at (0, trajectory, region, year). The same key gives the same number whichever thread,
 * task or machine asks, and in whatever order, so a projection split over cores or a Spark cluster
 * reproduces the single-threaded one bit for bit. The ziggurat sampler (Marsaglia and Tsang 2000,
 * McFarland 2016) turns the generator's output into a normal deviate.
 */
public final class CounterGaussian {

    private final long seed;

    public CounterGaussian(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The standard normal deviate of one key; {@code stream} separates the model's components. */
    public double draw(int stream, long trajectory, long region, long year) {
        Philox4x64 rng = new Philox4x64(new long[] {seed, stream, 0, trajectory, region, year});
        return ZigguratSampler.NormalizedGaussian.of(rng).sample();
    }
}
