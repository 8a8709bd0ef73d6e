package org.popcast.models.pinn;

import java.util.List;

import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.agepde.ScaledResidual;
import org.popcast.kernels.graph.Constants;
import org.popcast.kernels.quadrature.BirthIntegral;
import org.popcast.kernels.sampling.Collocation;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;

/**
 * The loss terms of one training step, all point sets in one forward pass:
 *
 * <pre>
 *   pde = mean over interior points of (dP/dt~ + (v T / A) dP/da~ + T mu(a) P)^2
 *   bc  = mean over boundary times t_k of (v P(0, t_k) - sum_j w_kj b(a_kj, t_k) P(a_kj, t_k))^2
 *   ic  = mean over initial ages of (P(a, t0) - P0(a))^2   [/ mean P0^2 when relative; 0 when hard]
 * </pre>
 *
 * The births are a Gauss-Legendre integral per boundary time, split at the jump lines
 * ({@link BirthIntegral}); interior points, boundary times and initial ages are drawn in the graph
 * from (seed, step). Layout of the batch: interior | boundary | initial | quadrature nodes | observations.
 *
 * <p>Inverse problems ({@link PinnInverse}): mu(a) is multiplied by exp(x_mu) in the PDE residual and
 * b(a, t) by exp(x_b) in the birth integral, x the trainable log-scales, and a fourth term is added,
 * the squared relative L2 misfit {@code data = mean_i (P_i - observed_i)^2 / mean_i observed_i^2}.
 * (The per-point relative misfit mean_i (P_i / observed_i - 1)^2, the exact method's log misfit to
 * first order, was measured first: it weights the old ages' tiny densities so heavily that float32
 * Adam stalled at a 35 % misfit; docs/inverse.md.) Without an inverse problem it is a zero constant.
 */
final class PinnLoss {

    /**
     * The three terms (scalars; {@code initial} is a zero constant under a hard initial condition)
     * and the step's interior points (N x (2 + p)) and boundary times (K x 1) in the unit square;
     * the PDE residual per interior point (N x 1), the birth mismatch per boundary time (K x 1) and
     * the whole batch the field was evaluated at (interior | boundary | initial | nodes | observations).
     */
    record Terms<T extends TFloating>(Operand<T> pde, Operand<T> initial, Operand<T> boundary,
                                      Operand<T> interior, Operand<T> boundaryTimes, Operand<T> data,
                                      Operand<T> residual, Operand<T> mismatch, Operand<T> batch) {
        Terms(Operand<T> pde, Operand<T> initial, Operand<T> boundary, Operand<T> interior, Operand<T> boundaryTimes) {
            this(pde, initial, boundary, interior, boundaryTimes, null, null, null, null);
        }

        List<Operand<T>> all() {
            return List.of(pde, initial, boundary);
        }

        /** The same terms with another PDE loss (the causally weighted one). */
        Terms<T> withPde(Operand<T> other) {
            return new Terms<>(other, initial, boundary, interior, boundaryTimes, data, residual, mismatch, batch);
        }
    }

    private PinnLoss() {
    }

    static <T extends TFloating> Terms<T> build(Ops tf, PinnField<T> net, AgePdeProblem problem, PinnSettings s,
                                                Operand<TInt64> step, int interiorPoints, Class<T> type) {
        return build(tf, net, problem, s, step, interiorPoints, type, PinnInverse.Scales.none(tf, type));
    }

    /** The terms with the rates multiplied by {@code scales} and, when it has observations, the data term. */
    static <T extends TFloating> Terms<T> build(Ops tf, PinnField<T> net, AgePdeProblem problem, PinnSettings s,
                                                Operand<TInt64> step, int interiorPoints, Class<T> type, PinnInverse.Scales<T> scales) {
        return build(tf, net, problem, s, step, interiorPoints, type, scales, null, 0);
    }

    /**
     * The terms with {@code extraCount} more interior points ({@code extra}, unit draws laid out as the
     * drawn ones: a~, t~, then the parameters' u; the adaptive points of {@link ResidualRefinement})
     * after the {@code interiorPoints} drawn this step.
     */
    static <T extends TFloating> Terms<T> build(Ops tf, PinnField<T> net, AgePdeProblem problem, PinnSettings s,
                                                Operand<TInt64> step, int interiorPoints, Class<T> type, PinnInverse.Scales<T> scales,
                                                Operand<T> extra, int extraCount) {
        double t0 = problem.startYear(), span = problem.endYear() - t0, v = problem.ageingSpeed();
        Collocation sampler = new Collocation(s.points().sampling(), s.seed());
        int n = interiorPoints + extraCount, k = s.points().boundaryTimes(), m = s.hardInitial() ? 0 : s.points().initial();
        double ageLimit = problem.maxAge();

        // the points are data: stop TensorFlow's backprop (which visits every upstream op) at the samplers.
        // A parametric surrogate draws its p parameters (unit values u in [0, 1)) with every interior
        // point, boundary time and initial age; the network reads 2u - 1, the rates take low + u (high - low).
        PinnParametric parametric = s.parametric();
        int p = parametric.count();
        Operand<T> drawn = sampler.draw(tf, type, interiorPoints, 2 + p, step, 1);
        Operand<T> interiorDraw = tf.stopGradient(extraCount == 0 ? drawn : tf.concat(List.of(drawn, extra), tf.constant(0)));
        Operand<T> boundaryDraw = tf.stopGradient(sampler.draw(tf, type, k, 1 + p, step, 2));
        Operand<T> interiorUnit = p == 0 ? null : columns(tf, interiorDraw, 2, p);
        Operand<T> boundaryUnit = p == 0 ? null : columns(tf, boundaryDraw, 1, p);
        Operand<T> interior = networkInputs(tf, interiorDraw, p);
        Operand<T> boundaryTimes = p == 0 ? boundaryDraw : columns(tf, boundaryDraw, 0, 1);
        Operand<T> zerosK = tf.zerosLike(boundaryTimes);
        BirthIntegral births = new BirthIntegral(problem.fertility().minAge(), problem.fertility().maxAge(), s.points().quadratureNodes(), v,
                problem.jumpOrigins());
        BirthIntegral.Nodes<T> nodes = births.nodes(tf, tf.math.add(Constants.scalar(tf, t0, type),
                tf.math.mul(boundaryTimes, Constants.scalar(tf, span, type))));
        // every node of boundary time k carries k's parameters (nodes are flattened time by time)
        Operand<T> nodeUnit = p == 0 ? null : tf.reshape(tf.tile(boundaryUnit, tf.constant(new int[] {1, births.nodesPerTime()})),
                tf.constant(new int[] {-1, p}));
        List<Operand<T>> nodeColumns = new java.util.ArrayList<>(List.of(
                tf.math.div(nodes.ages(), Constants.scalar(tf, ageLimit, type)),
                tf.math.div(tf.math.sub(nodes.times(), Constants.scalar(tf, t0, type)), Constants.scalar(tf, span, type))));
        List<Operand<T>> boundaryColumns = new java.util.ArrayList<>(List.of(zerosK, boundaryTimes));
        if (p > 0) {
            nodeColumns.add(PinnParametric.inputs(tf, nodeUnit));
            boundaryColumns.add(PinnParametric.inputs(tf, boundaryUnit));
        }
        Operand<T> nodePoints = tf.concat(nodeColumns, tf.constant(1));
        Operand<T> boundary = tf.concat(boundaryColumns, tf.constant(1));
        Operand<T> initialDraw = m > 0 ? tf.stopGradient(sampler.draw(tf, type, m, 1 + p, step, 3)) : null;
        Operand<T> initialAges = m > 0 && p > 0 ? columns(tf, initialDraw, 0, 1) : initialDraw;
        Operand<T> initialRows = null;
        if (m > 0) {
            List<Operand<T>> c = new java.util.ArrayList<>(List.of(initialAges, tf.zerosLike(initialAges)));
            if (p > 0) {
                c.add(PinnParametric.inputs(tf, columns(tf, initialDraw, 1, p)));
            }
            initialRows = tf.concat(c, tf.constant(1));
        }
        List<Operand<T>> sets = new java.util.ArrayList<>(m > 0
                ? List.of(interior, boundary, initialRows, nodePoints)
                : List.of(interior, boundary, nodePoints));
        int observed = scales.observationCount();
        if (observed > 0) {
            if (p > 0) {
                throw new IllegalArgumentException("an inverse problem cannot be parametric");
            }
            sets.add(scales.unitPoints());
        }
        Operand<T> batch = tf.concat(sets, tf.constant(0));
        PinnNetwork.Density<T> d = net.evaluate(tf, batch, n);
        int[] axes = {0, 1};

        Operand<T> fertilityScale = p == 0 ? Constants.scalar(tf, 1, type)
                : parametric.multiplier(tf, nodeUnit, PinnParametric.Parameter.FERTILITY_SCALE);
        Operand<T> r = residual(tf, d, interior, interiorUnit, n, problem, parametric, scales);
        Operand<T> pde = tf.math.mean(tf.math.square(r), tf.constant(axes));

        Operand<T> newborns = PinnNetwork.rows(tf, d.value(), n, k);
        Operand<T> atNodes = PinnNetwork.rows(tf, d.value(), n + k + m, k * births.nodesPerTime());
        Operand<T> fertility = tf.math.mul(tf.math.mul(scales.fertility(), fertilityScale),
                problem.fertility().graphInside(tf, nodes.ages(), nodes.times()));
        Operand<T> integrand = tf.math.mul(fertility, atNodes);
        Operand<T> mismatch = tf.math.sub(tf.math.mul(Constants.scalar(tf, v, type), newborns), births.births(tf, nodes, integrand));
        Operand<T> bc = tf.math.mean(tf.math.square(mismatch), tf.constant(axes));

        Operand<T> ic = Constants.scalar(tf, 0, type);
        if (m > 0) {
            Operand<T> target = net.initial(tf, initialAges);
            Operand<T> gap = tf.math.sub(PinnNetwork.rows(tf, d.value(), n + k, m), target);
            ic = tf.math.mean(tf.math.square(gap), tf.constant(axes));
            if (s.initialCondition() == PinnSettings.InitialCondition.SOFT_RELATIVE) {
                ic = tf.math.div(ic, tf.math.mean(tf.math.square(target), tf.constant(axes)));
            }
        }
        Operand<T> data = Constants.scalar(tf, 0, type);
        if (observed > 0) {
            Operand<T> atObservations = PinnNetwork.rows(tf, d.value(), n + k + m + k * births.nodesPerTime(), observed);
            data = tf.math.div(tf.math.mean(tf.math.square(tf.math.sub(atObservations, scales.observed())), tf.constant(axes)),
                    tf.math.mean(tf.math.square(scales.observed()), tf.constant(axes)));
        }
        return new Terms<>(pde, ic, bc, interior, boundaryTimes, data, r, mismatch, batch);
    }

    /**
     * The PDE residual (C x 1) at C unit draws laid out as the interior points' (a~, t~, the
     * parameters' u): one forward pass of its own, for choosing adaptive points among candidates.
     */
    static <T extends TFloating> Operand<T> residualAt(Ops tf, PinnField<T> net, AgePdeProblem problem, PinnSettings s, Operand<T> draw,
                                                       int count, PinnInverse.Scales<T> scales) {
        int p = s.parametric().count();
        Operand<T> points = networkInputs(tf, draw, p);
        return residual(tf, net.evaluate(tf, points, count), points, p == 0 ? null : columns(tf, draw, 2, p), count, problem,
                s.parametric(), scales);
    }

    /** The network's inputs at interior unit draws: a~, t~ as drawn, the parameters' u mapped to 2u - 1. */
    private static <T extends TFloating> Operand<T> networkInputs(Ops tf, Operand<T> draw, int p) {
        return p == 0 ? draw : tf.concat(List.of(columns(tf, draw, 0, 2), PinnParametric.inputs(tf, columns(tf, draw, 2, p))), tf.constant(1));
    }

    /** dP/dt~ + (v T / A) dP/da~ + T mu(a) P at the first n rows of d (the interior points, each with its own mortality multiplier). */
    private static <T extends TFloating> Operand<T> residual(Ops tf, PinnNetwork.Density<T> d, Operand<T> interior, Operand<T> interiorUnit,
                                                             int n, AgePdeProblem problem, PinnParametric parametric,
                                                             PinnInverse.Scales<T> scales) {
        Class<T> type = interior.type();
        Operand<T> mortalityScale = interiorUnit == null ? Constants.scalar(tf, 1, type)
                : parametric.multiplier(tf, interiorUnit, PinnParametric.Parameter.MORTALITY_SCALE);
        Operand<T> ages = tf.math.mul(PinnNetwork.column(tf, interior, 0), Constants.scalar(tf, problem.maxAge(), type));
        return ScaledResidual.of(problem).residual(tf, PinnNetwork.rows(tf, d.value(), n), d.dAge(), d.dTime(),
                tf.math.mul(tf.math.mul(scales.mortality(), mortalityScale), problem.mortality().hazard(tf, ages)));
    }

    /** Columns {@code from} .. {@code from + count - 1} of x. */
    static <T extends TFloating> Operand<T> columns(Ops tf, Operand<T> x, int from, int count) {
        return tf.slice(x, tf.constant(new int[] {0, from}), tf.constant(new int[] {-1, count}));
    }
}
