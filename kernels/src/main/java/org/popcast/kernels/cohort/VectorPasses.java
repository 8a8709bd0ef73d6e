package org.popcast.kernels.cohort;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link CellPasses} with SIMD through the JDK's incubating Vector API, 4 doubles at a time (256
 * bits, on every machine: the lane count fixes the order of the sums, so the numbers are
 * {@link ScalarPasses}' to the bit), the cells past the last full vector one by one as there.
 * Loaded only when the jdk.incubator.vector module is in the JVM ({@link CellPasses#best()}).
 */
final class VectorPasses implements CellPasses {

    private static final VectorSpecies<Double> V = DoubleVector.SPECIES_256;

    private VectorPasses() {
    }

    /** The vector passes, or null where the machine's vectors are narrower than 256 bits (they would be emulated, slowly). */
    static CellPasses ifFast() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= V.vectorBitSize() ? new VectorPasses() : null;
    }

    @Override
    public void migrants(double coefficient, double[] profile, double[] pop, int popAt, double[] a, double[] b, double[] perPerson,
                         int o, double perCapita, double[] out, int cells) {
        int i = 0;
        for (int bound = V.loopBound(cells); i < bound; i += LANES) {
            DoubleVector p = DoubleVector.fromArray(V, pop, popAt + i);
            DoubleVector x = DoubleVector.fromArray(V, profile, i).mul(coefficient).mul(p);
            DoubleVector factor = DoubleVector.fromArray(V, b, o + i).blend(DoubleVector.fromArray(V, a, o + i), x.compare(VectorOperators.GT, 0));
            x.mul(factor).add(p.mul(DoubleVector.fromArray(V, perPerson, o + i))).add(p.mul(perCapita)).intoArray(out, i);
        }
        ScalarPasses.migrants(i, coefficient, profile, pop, popAt, a, b, perPerson, o, perCapita, out, cells);
    }

    @Override
    public void accumulate(double coefficient, double[] profile, double[] pop, int popAt, double[] weight, double[] inflow,
                           double[] outflow, int o, int cells) {
        DoubleVector zero = DoubleVector.zero(V);
        int i = 0;
        for (int bound = V.loopBound(cells); i < bound; i += LANES) {
            DoubleVector p = DoubleVector.fromArray(V, pop, popAt + i);
            DoubleVector x = DoubleVector.fromArray(V, profile, i).mul(coefficient).mul(p);
            VectorMask<Double> in = x.compare(VectorOperators.GT, 0), out = x.compare(VectorOperators.LT, 0);
            DoubleVector.fromArray(V, weight, o + i).add(p).intoArray(weight, o + i);
            DoubleVector.fromArray(V, inflow, o + i).add(zero.blend(x, in)).intoArray(inflow, o + i);
            DoubleVector.fromArray(V, outflow, o + i).add(zero.blend(x.neg(), out)).intoArray(outflow, o + i);
        }
        ScalarPasses.accumulate(i, coefficient, profile, pop, popAt, weight, inflow, outflow, o, cells);
    }

    @Override
    public void factors(double[] inflow, double[] outflow, double[] weight, double[] target, int o, double[] a, double[] b,
                        double[] perPerson, int cells) {
        DoubleVector zero = DoubleVector.zero(V);
        int i = 0;
        for (int bound = V.loopBound(cells); i < bound; i += LANES) {
            DoubleVector pos = DoubleVector.fromArray(V, inflow, o + i), neg = DoubleVector.fromArray(V, outflow, o + i);
            DoubleVector t = DoubleVector.fromArray(V, target, i), w = DoubleVector.fromArray(V, weight, o + i);
            DoubleVector s = t.mul(t).add(pos.mul(4).mul(neg)).lanewise(VectorOperators.SQRT);
            VectorMask<Double> up = t.compare(VectorOperators.GE, 0);
            DoubleVector u = neg.mul(2).blend(t.add(s), up), v = s.sub(t).blend(pos.mul(2), up);
            DoubleVector inFactor = u.div(v).blend(zero, v.compare(VectorOperators.EQ, 0));
            DoubleVector outFactor = v.div(u).blend(zero, u.compare(VectorOperators.EQ, 0));
            VectorMask<Double> oneSided = pos.compare(VectorOperators.EQ, 0).or(neg.compare(VectorOperators.EQ, 0));
            DoubleVector remainder = t.sub(inFactor.mul(pos).sub(outFactor.mul(neg))).blend(zero, oneSided.not());
            inFactor.intoArray(a, o + i);
            outFactor.intoArray(b, o + i);
            remainder.div(w).blend(zero, w.compare(VectorOperators.EQ, 0)).intoArray(perPerson, o + i);
        }
        ScalarPasses.factors(i, inflow, outflow, weight, target, o, a, b, perPerson, cells);
    }

    @Override
    public void survive(double[] pop, int p, double[] m, int c, double[] survival, int r, double startShare, double[] start,
                        double[] died, double[] survivors, int ages) {
        DoubleVector one = DoubleVector.broadcast(V, 1);
        int x = 0;
        for (int bound = V.loopBound(ages); x < bound; x += LANES) {
            DoubleVector st = DoubleVector.fromArray(V, pop, p + x).add(DoubleVector.fromArray(V, m, c + x).mul(startShare));
            DoubleVector s = DoubleVector.fromArray(V, survival, r + x);
            st.intoArray(start, x);
            one.sub(s).mul(st).intoArray(died, x);
            s.mul(st).intoArray(survivors, x);
        }
        ScalarPasses.survive(x, pop, p, m, c, survival, r, startShare, start, died, survivors, ages);
    }

    @Override
    public double advance(double[] survivors, double[] m, int c, double endShare, double[] next, int p, int last) {
        DoubleVector sums = DoubleVector.zero(V);
        int x = 1;
        for (int bound = 1 + V.loopBound(last - 1); x < bound; x += LANES) {
            DoubleVector e = DoubleVector.fromArray(V, survivors, x - 1).add(DoubleVector.fromArray(V, m, c + x).mul(endShare));
            e.intoArray(next, p + x);
            sums = sums.add(e);
        }
        double[] lane = sums.toArray();
        return ScalarPasses.advance(x, (lane[0] + lane[1]) + (lane[2] + lane[3]), survivors, m, c, endShare, next, p, last);
    }

    @Override
    public void births(double[] fertility, int f, double factor, double[] start, double[] survivors, double[] m, int c,
                       double endShareInBirths, double[] born, int last) {
        int x = 1;
        for (int bound = 1 + V.loopBound(last - 1); x < bound; x += LANES) {
            DoubleVector q = DoubleVector.fromArray(V, survivors, x - 1).add(DoubleVector.fromArray(V, m, c + x).mul(endShareInBirths));
            DoubleVector.fromArray(V, fertility, f + x).mul(factor).mul(DoubleVector.fromArray(V, start, x).add(q)).div(2).intoArray(born, x);
        }
        ScalarPasses.births(x, fertility, f, factor, start, survivors, m, c, endShareInBirths, born, last);
    }
}
