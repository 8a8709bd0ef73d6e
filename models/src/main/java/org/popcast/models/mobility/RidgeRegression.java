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
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("ridge alpha must be > 0, got " + alpha);
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
        for (int i = 0; i < n; i++) {
            double[] xc = new double[f];
            for (int j = 0; j < f; j++) {
                xc[j] = x[i][j] - mx[j];
            }
            for (int a = 0; a < f; a++) {
                rhs[a] += xc[a] * (y[i] - my);
                for (int b = a; b < f; b++) {
                    gram[a][b] += xc[a] * xc[b];
                }
            }
        }
        for (int a = 0; a < f; a++) {
            gram[a][a] += alpha;
            for (int b = 0; b < a; b++) {
                gram[a][b] = gram[b][a];
            }
        }
        RealMatrix m = MatrixUtils.createRealMatrix(gram);
        RealVector w = new CholeskyDecomposition(m).getSolver().solve(MatrixUtils.createRealVector(rhs));
        double b = my;
        for (int j = 0; j < f; j++) {
            b -= mx[j] * w.getEntry(j);
        }
        return new RidgeRegression(w.toArray(), b, alpha);
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
