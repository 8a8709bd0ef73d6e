// Issue 17 spike (not part of the build): how much would SIMD through the Vector API (incubating in
// JDK 17) speed up the stream engine's per-cell work? The three passes of a region and scenario
// (ScenarioBlock / ProvinceBalance / CohortKernel) on synthetic data of the bench's shape, scalar as
// the engine writes them and with jdk.incubator.vector, one thread, same numbers checked.
//   java --add-modules jdk.incubator.vector bench/vector/KernelVectorSpike.java
import java.util.Random;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

public class KernelVectorSpike {

    static final VectorSpecies<Double> V = DoubleVector.SPECIES_PREFERRED;
    static final int AGES = 101, CELLS = 2 * AGES, REGIONS = 400, SCEN = 8, PROV = 31, STEPS = 90;

    // per region-scenario inputs and the province arrays of one scenario
    static double[] state = new double[REGIONS * SCEN * CELLS], next = new double[state.length];
    static double[] profile = new double[CELLS], surv = new double[REGIONS * CELLS], fert = new double[REGIONS * AGES];
    static double[] weight = new double[PROV * CELLS], raw = new double[PROV * CELLS], inflow = new double[PROV * CELLS],
            outflow = new double[PROV * CELLS], pop = new double[PROV * CELLS];
    static double[] a = new double[PROV * CELLS], b = new double[PROV * CELLS], perPerson = new double[PROV * CELLS];
    static double[] rawBuf = new double[CELLS], migrants = new double[CELLS], start = new double[CELLS], died = new double[CELLS];

    public static void main(String[] args) {
        Random r = new Random(1);
        for (int i = 0; i < state.length; i++) state[i] = 1e3 + r.nextDouble() * 1e4;
        for (int i = 0; i < CELLS; i++) profile[i] = r.nextDouble() * 0.02;
        for (int i = 0; i < surv.length; i++) surv[i] = 0.9 + r.nextDouble() * 0.1;
        for (int i = 0; i < fert.length; i++) fert[i] = (i % AGES) > 14 && (i % AGES) < 50 ? r.nextDouble() * 0.1 : 0;
        for (int i = 0; i < a.length; i++) { a[i] = 0.9 + 0.2 * r.nextDouble(); b[i] = 0.9 + 0.2 * r.nextDouble(); perPerson[i] = 1e-5 * r.nextDouble(); }
        System.out.println("species " + V + ", " + REGIONS + " regions x " + SCEN + " scenarios x " + CELLS + " cells x " + STEPS + " steps");
        // the same next year from both: every cell, and the province sums after one step from zero
        double[][] sums = new double[2][];
        double[][] years = new double[2][];
        for (int k = 0; k < 2; k++) {
            java.util.Arrays.fill(weight, 0);
            java.util.Arrays.fill(inflow, 0);
            for (int l = 0; l < REGIONS; l++) {
                for (int s = 0; s < SCEN; s++) {
                    int at = (l * SCEN + s) * CELLS;
                    if (k == 0) regionScalar(at, l, l % PROV); else regionVector(at, l, l % PROV);
                }
            }
            years[k] = next.clone();
            sums[k] = inflow.clone();
        }
        System.out.printf("largest relative difference: next year %.1e, province inflows %.1e%n", worst(years[0], years[1]), worst(sums[0], sums[1]));
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            double s1 = run(false);
            long t1 = System.nanoTime();
            double s2 = run(true);
            long t2 = System.nanoTime();
            System.out.printf("round %d: scalar %.3f s, vector %.3f s, ratio %.2f; checksums %.12e %.12e (rel diff %.1e)%n", round,
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (double) (t1 - t0) / (t2 - t1), s1, s2, Math.abs(s1 - s2) / Math.abs(s1));
        }
    }

    static double worst(double[] x, double[] y) {
        double w = 0;
        for (int i = 0; i < x.length; i++) {
            w = Math.max(w, Math.abs(x[i] - y[i]) / Math.max(1, Math.abs(x[i])));
        }
        return w;
    }

    static double run(boolean vector) {
        double check = 0;
        for (int step = 0; step < STEPS; step++) {
            for (int l = 0; l < REGIONS; l++) {
                int g = l % PROV;
                for (int s = 0; s < SCEN; s++) {
                    int at = (l * SCEN + s) * CELLS;
                    check += vector ? regionVector(at, l, g) : regionScalar(at, l, g);
                }
            }
        }
        return check;
    }

    /** Migrants (raw x balanced + international), the cohort step of both sexes, then raw nets and the province sums of the new cells. */
    static double regionScalar(int at, int l, int g) {
        double scaled = 1.0, f = 0.5, rate = 0.3, shift = 0.01, intRate = -3e-4;
        int o = g * CELLS;
        for (int i = 0; i < CELLS; i++) {
            double p = state[at + i], x = scaled * (rate * profile[i] * f + shift * profile[i]) * p;
            migrants[i] = (x > 0 ? x * a[o + i] : x * b[o + i]) + p * perPerson[o + i] + intRate * p;
        }
        double born = 0, total = 0, dead = 0, moved = 0;
        for (int sex = 0; sex < 2; sex++) {
            int c = sex * AGES;
            double carry = 0;
            for (int x = 0; x < AGES; x++) {
                double m = migrants[c + x], st = state[at + c + x] + 0.5 * m, sv = surv[l * CELLS + c + x];
                double d = (1 - sv) * st;
                dead += d;
                moved += m;
                double q = x == AGES - 1 ? carry + sv * st : carry;
                if (sex == 0) {
                    born += fert[l * AGES + x] * (st + (q + 0.5 * m)) / 2;
                }
                if (x > 0) {
                    double e = q + 0.5 * m;
                    next[at + c + x] = e;
                    total += e;
                }
                carry = sv * st;
            }
        }
        next[at] = born * 0.48;
        next[at + AGES] = born * 0.52;
        total += born;
        for (int i = 0; i < CELLS; i++) {
            rawBuf[i] = scaled * (rate * profile[i] * f + shift * profile[i]) * next[at + i];
        }
        for (int i = 0; i < CELLS; i++) {
            double p = next[at + i], x = rawBuf[i];
            weight[o + i] += p;
            raw[o + i] += x;
            inflow[o + i] += x > 0 ? x : 0;
            outflow[o + i] += x < 0 ? -x : 0;
        }
        return total + dead + moved;
    }

    static double regionVector(int at, int l, int g) {
        double scaled = 1.0, f = 0.5, rate = 0.3, shift = 0.01, intRate = -3e-4;
        int o = g * CELLS, n = V.length(), bound = V.loopBound(CELLS);
        int i = 0;
        for (; i < bound; i += n) {
            DoubleVector p = DoubleVector.fromArray(V, state, at + i), pr = DoubleVector.fromArray(V, profile, i);
            DoubleVector x = pr.mul(rate).mul(f).add(pr.mul(shift)).mul(scaled).mul(p);
            VectorMask<Double> pos = x.compare(VectorOperators.GT, 0);
            DoubleVector k = DoubleVector.fromArray(V, b, o + i).blend(DoubleVector.fromArray(V, a, o + i), pos);
            x.mul(k).add(p.mul(DoubleVector.fromArray(V, perPerson, o + i))).add(p.mul(intRate)).intoArray(migrants, i);
        }
        for (; i < CELLS; i++) {
            double p = state[at + i], x = scaled * (rate * profile[i] * f + shift * profile[i]) * p;
            migrants[i] = (x > 0 ? x * a[o + i] : x * b[o + i]) + p * perPerson[o + i] + intRate * p;
        }
        // start and survivors by vector; the one-age shift is a store at x + 1
        DoubleVector deadV = DoubleVector.zero(V), movedV = DoubleVector.zero(V);
        i = 0;
        for (; i < bound; i += n) {
            DoubleVector m = DoubleVector.fromArray(V, migrants, i), sv = DoubleVector.fromArray(V, surv, l * CELLS + i);
            DoubleVector st = DoubleVector.fromArray(V, state, at + i).add(m.mul(0.5));
            st.intoArray(start, i);
            deadV = deadV.add(sv.neg().add(1).mul(st));
            movedV = movedV.add(m);
            sv.mul(st).intoArray(died, i); // survivors of each age, shifted below
        }
        double dead = deadV.reduceLanes(VectorOperators.ADD), moved = movedV.reduceLanes(VectorOperators.ADD);
        for (; i < CELLS; i++) {
            double m = migrants[i], st = state[at + i] + 0.5 * m, sv = surv[l * CELLS + i];
            start[i] = st;
            dead += (1 - sv) * st;
            moved += m;
            died[i] = sv * st;
        }
        double total = 0, born = 0;
        for (int sex = 0; sex < 2; sex++) {
            int c = sex * AGES;
            // end population from age 1: survivors of the age below (open group adds its own) + half the migrants
            DoubleVector totV = DoubleVector.zero(V), bornV = DoubleVector.zero(V);
            int x = 1, xb = 1 + V.loopBound(AGES - 2);
            for (; x < xb; x += n) {
                DoubleVector q = DoubleVector.fromArray(V, died, c + x - 1), m = DoubleVector.fromArray(V, migrants, c + x);
                DoubleVector e = q.add(m.mul(0.5));
                e.intoArray(next, at + c + x);
                totV = totV.add(e);
                if (sex == 0) {
                    bornV = bornV.add(DoubleVector.fromArray(V, fert, l * AGES + x).mul(DoubleVector.fromArray(V, start, x).add(e)).div(2));
                }
            }
            total += totV.reduceLanes(VectorOperators.ADD);
            born += bornV.reduceLanes(VectorOperators.ADD);
            for (; x < AGES; x++) {
                double q = x == AGES - 1 ? died[c + x - 1] + died[c + x] : died[c + x - 1], m = migrants[c + x], e = q + 0.5 * m;
                next[at + c + x] = e;
                total += e;
                if (sex == 0) {
                    born += fert[l * AGES + x] * (start[x] + e) / 2;
                }
            }
            if (sex == 0) {
                born += fert[l * AGES] * (start[0] + 0.5 * migrants[0]) / 2;
            }
        }
        next[at] = born * 0.48;
        next[at + AGES] = born * 0.52;
        total += born;
        i = 0;
        for (; i < bound; i += n) {
            DoubleVector p = DoubleVector.fromArray(V, next, at + i), pr = DoubleVector.fromArray(V, profile, i);
            DoubleVector x = pr.mul(rate).mul(f).add(pr.mul(shift)).mul(scaled).mul(p);
            DoubleVector.fromArray(V, weight, o + i).add(p).intoArray(weight, o + i);
            DoubleVector.fromArray(V, raw, o + i).add(x).intoArray(raw, o + i);
            DoubleVector.fromArray(V, inflow, o + i).add(x.max(0)).intoArray(inflow, o + i);
            DoubleVector.fromArray(V, outflow, o + i).add(x.neg().max(0)).intoArray(outflow, o + i);
        }
        for (; i < CELLS; i++) {
            double p = next[at + i], x = scaled * (rate * profile[i] * f + shift * profile[i]) * p;
            weight[o + i] += p;
            raw[o + i] += x;
            inflow[o + i] += x > 0 ? x : 0;
            outflow[o + i] += x < 0 ? -x : 0;
        }
        return total + dead + moved;
    }
}
