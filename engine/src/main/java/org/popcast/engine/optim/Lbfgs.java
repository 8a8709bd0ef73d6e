package org.popcast.engine.optim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, algorithms 7.4 and 7.5) with a
 * line search that enforces the strong Wolfe conditions (algorithms 3.5 and 3.6), in float64.
 *
 * <p>PINN training ends with this phase after Adam (DeepXDE, PINNacle): near a minimum it is
 * quasi-Newton and removes the noise floor that a stochastic first-order method leaves. It runs on
 * the host over the flattened parameters; each evaluation is one graph run, so only the parameters
 * and their gradient cross between host and device (tens of kilobytes), never the point sets.
 * Hipparchus has no L-BFGS, hence this class.
 */
public final class Lbfgs {

    /** f(x) and its gradient, written into {@code gradient}. */
    public interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    /** Called after each iteration with the new point (the array that was evaluated); return false to stop. */
    public interface IterationListener {
        boolean iterated(int iteration, double[] x, double value, double gradientNorm);
    }

    public enum Stop { GRADIENT, FUNCTION_CHANGE, ITERATIONS, LINE_SEARCH }

    public record Result(double[] x, double value, int iterations, int evaluations, Stop stop) {
    }

    public record Settings(int maxIterations, int memory, double gradientTolerance, double functionTolerance) {
        public static Settings of(int maxIterations) {
            return new Settings(maxIterations, 50, 1e-12, 1e-15);
        }

        public Settings {
            if (maxIterations < 0 || memory < 1) {
                throw new IllegalArgumentException("L-BFGS needs iterations >= 0 and memory >= 1");
            }
        }
    }

    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final int MAX_LINE_EVALUATIONS = 25;

    private final Objective f;
    private final Settings settings;
    private int evaluations;

    private Lbfgs(Objective f, Settings settings) {
        this.f = f;
        this.settings = settings;
    }

    public static Result minimize(Objective f, double[] start, Settings settings, IterationListener listener) {
        return new Lbfgs(f, settings).run(start.clone(), listener);
    }

    private record Pair(double[] s, double[] y, double rho) {
    }

    private Result run(double[] x, IterationListener listener) {
        int n = x.length;
        double[] g = new double[n];
        double fx = eval(x, g);
        Deque<Pair> memory = new ArrayDeque<>();
        for (int it = 0; it < settings.maxIterations(); it++) {
            if (norm(g) <= settings.gradientTolerance()) {
                return new Result(x, fx, it, evaluations, Stop.GRADIENT);
            }
            double[] d = direction(g, memory);
            double slope = dot(g, d);
            if (!(slope < 0)) { // lost descent (round-off): restart from steepest descent
                memory.clear();
                d = scale(g, -1);
                slope = dot(g, d);
            }
            double first = memory.isEmpty() ? Math.min(1, 1 / norm(g)) : 1;
            LinePoint p = wolfe(x, fx, g, d, slope, first);
            if (p == null) {
                return new Result(x, fx, it, evaluations, Stop.LINE_SEARCH);
            }
            double[] s = new double[n], y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = p.x[i] - x[i];
                y[i] = p.g[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-300) {
                memory.addLast(new Pair(s, y, 1 / sy));
                if (memory.size() > settings.memory()) {
                    memory.removeFirst();
                }
            }
            double change = fx - p.f;
            x = p.x;
            g = p.g;
            fx = p.f;
            if (listener != null && !listener.iterated(it + 1, x, fx, norm(g))) {
                return new Result(x, fx, it + 1, evaluations, Stop.ITERATIONS);
            }
            if (change <= settings.functionTolerance() * Math.max(Math.abs(fx), 1e-300)) {
                return new Result(x, fx, it + 1, evaluations, Stop.FUNCTION_CHANGE);
            }
        }
        return new Result(x, fx, settings.maxIterations(), evaluations, Stop.ITERATIONS);
    }

    /** The two-loop recursion: -H g with the initial scaling s'y / y'y of the newest pair. */
    private static double[] direction(double[] g, Deque<Pair> memory) {
        double[] q = g.clone();
        double[] alpha = new double[memory.size()];
        int k = memory.size() - 1;
        for (Iterator<Pair> it = memory.descendingIterator(); it.hasNext(); k--) {
            Pair p = it.next();
            alpha[k] = p.rho * dot(p.s, q);
            axpy(-alpha[k], p.y, q);
        }
        if (!memory.isEmpty()) {
            Pair last = memory.getLast();
            double gamma = dot(last.s, last.y) / dot(last.y, last.y);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        k = 0;
        for (Pair p : memory) {
            double beta = p.rho * dot(p.y, q);
            axpy(alpha[k++] - beta, p.s, q);
        }
        return scale(q, -1);
    }

    private record LinePoint(double step, double[] x, double f, double[] g, double slope) {
    }

    private LinePoint at(double[] x, double[] d, double step) {
        double[] xs = x.clone();
        axpy(step, d, xs);
        double[] gs = new double[x.length];
        double fs = eval(xs, gs);
        return new LinePoint(step, xs, fs, gs, dot(gs, d));
    }

    /** A step satisfying the strong Wolfe conditions, or null when none was found. */
    private LinePoint wolfe(double[] x, double f0, double[] g0, double[] d, double slope0, double first) {
        LinePoint previous = new LinePoint(0, x, f0, g0, slope0);
        double step = first;
        for (int i = 0; i < MAX_LINE_EVALUATIONS; i++) {
            LinePoint p = at(x, d, step);
            if (!Double.isFinite(p.f) || p.f > f0 + C1 * step * slope0 || (i > 0 && p.f >= previous.f)) {
                return zoom(x, d, f0, slope0, previous, p);
            }
            if (Math.abs(p.slope) <= -C2 * slope0) {
                return p;
            }
            if (p.slope >= 0) {
                return zoom(x, d, f0, slope0, p, previous);
            }
            previous = p;
            step *= 2;
        }
        return null;
    }

    private LinePoint zoom(double[] x, double[] d, double f0, double slope0, LinePoint lo, LinePoint hi) {
        for (int i = 0; i < MAX_LINE_EVALUATIONS; i++) {
            double step = interpolate(lo, hi);
            LinePoint p = at(x, d, step);
            if (!Double.isFinite(p.f) || p.f > f0 + C1 * step * slope0 || p.f >= lo.f) {
                hi = p;
            } else {
                if (Math.abs(p.slope) <= -C2 * slope0) {
                    return p;
                }
                if (p.slope * (hi.step - lo.step) >= 0) {
                    hi = lo;
                }
                lo = p;
            }
            if (Math.abs(hi.step - lo.step) <= 1e-16 * Math.max(1, Math.abs(lo.step))) {
                break;
            }
        }
        return lo.step > 0 && lo.f < f0 ? lo : null;
    }

    /** The minimiser of the quadratic through lo (value and slope) and hi (value), kept inside the bracket. */
    private static double interpolate(LinePoint lo, LinePoint hi) {
        double width = hi.step - lo.step;
        double curvature = hi.f - lo.f - lo.slope * width;
        double step = Double.isFinite(hi.f) && curvature > 0 ? lo.step - lo.slope * width * width / (2 * curvature) : Double.NaN;
        double a = Math.min(lo.step, hi.step), b = Math.max(lo.step, hi.step), margin = 0.1 * (b - a);
        return step >= a + margin && step <= b - margin ? step : 0.5 * (lo.step + hi.step);
    }

    private double eval(double[] x, double[] g) {
        evaluations++;
        return f.evaluate(x, g);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    private static double[] scale(double[] a, double factor) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = factor * a[i];
        }
        return out;
    }
}
