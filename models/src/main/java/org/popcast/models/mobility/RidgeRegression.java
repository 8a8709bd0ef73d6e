package org.popcast.models.mobility;

import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * Ridge regression with an unpenalised intercept (scikit-learn's {@code Ridge} objective):
 *
 * <pre>
 *   minimise  sum_i (y_i - b - x_i w)^2 + alpha |w|^2
 *   w = (Xc' Xc + alpha I)^-1 Xc' (y - mean y),   b = mean y - mean(x) w
 * </pre>
 *
 * with Xc the columns centred on their training means; solved by Cholesky (the matrix is
 * symmetric positive definite for alpha > 0).
 */
public record RidgeRegression(double[] weights, double intercept, double alpha) {

    public static RidgeRegression fit(double[][] x, double[] y, double alpha) {
        return path(x, y, new double[] {alpha})[0];
    }

    /**
     * One fit per penalty in {@code alphas}, sharing the centred Gram matrix (computed once). An
     * infinite alpha gives the intercept-only model (w = 0, b = mean y), the limit of the path.
     */
    public static RidgeRegression[] path(double[][] x, double[] y, double[] alphas) {
        for (double alpha : alphas) {
            if (!(alpha > 0)) {
                throw new IllegalArgumentException("ridge alpha must be > 0, got " + alpha);
            }
        }
        int n = x.length, f = x[0].length;
        double[] mx = new double[f];
        double my = 0;
        for (int i = 0; i < n; i++) {
            my += y[i] / n;
            for (int j = 0; j < f; j++) {
                mx[j] += x[i][j] / n;
            }
        }
        double[][] gram = new double[f][f];
        double[] rhs = new double[f];
        double[] xc = new double[f];
        for (int i = 0; i < n; i++) {
            double[] xi = x[i];
            for (int j = 0; j < f; j++) {
                xc[j] = xi[j] - mx[j];
            }
            double yc = y[i] - my;
            for (int a = 0; a < f; a++) {
                double va = xc[a];
                rhs[a] += va * yc;
                double[] ga = gram[a];
                for (int b = a; b < f; b++) {
                    ga[b] += va * xc[b];
                }
            }
        }
        RidgeRegression[] out = new RidgeRegression[alphas.length];
        for (int k = 0; k < alphas.length; k++) {
            double alpha = alphas[k];
            if (Double.isInfinite(alpha)) {
                out[k] = new RidgeRegression(new double[f], my, alpha);
                continue;
            }
            double[][] g = new double[f][f];
            for (int a = 0; a < f; a++) {
                g[a][a] = gram[a][a] + alpha;
                for (int b = a + 1; b < f; b++) {
                    g[a][b] = gram[a][b];
                    g[b][a] = gram[a][b];
                }
            }
            RealMatrix m = MatrixUtils.createRealMatrix(g);
            RealVector w = new CholeskyDecomposition(m).getSolver().solve(MatrixUtils.createRealVector(rhs));
            double b = my;
            for (int j = 0; j < f; j++) {
                b -= mx[j] * w.getEntry(j);
            }
            out[k] = new RidgeRegression(w.toArray(), b, alpha);
        }
        return out;
    }

    public double[] predict(double[][] x) {
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = intercept;
            for (int j = 0; j < weights.length; j++) {
                p[i] += x[i][j] * weights[j];
            }
        }
        return p;
    }
}
