package org.popcast.kernels.network;

import java.util.Random;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Seeded weight initialisers with Keras' defaults, drawn in Java so a seed fixes them exactly.
 *
 * <pre>
 *   Glorot uniform:  w ~ U(-l, l),  l = sqrt(6 / (fanIn + fanOut))
 *   orthogonal:      Q of the QR decomposition of a Gaussian matrix, columns signed by diag(R)
 * </pre>
 */
public final class Initializers {

    private Initializers() {
    }

    public static float[][] glorotUniform(Random random, int fanIn, int fanOut) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        float[][] w = new float[fanIn][fanOut];
        for (float[] row : w) {
            for (int j = 0; j < fanOut; j++) {
                row[j] = (float) ((2 * random.nextDouble() - 1) * limit);
            }
        }
        return w;
    }

    /** A rows x cols matrix with orthonormal rows or columns (whichever is fewer). */
    public static float[][] orthogonal(Random random, int rows, int cols) {
        boolean tall = rows >= cols;
        int m = Math.max(rows, cols), n = Math.min(rows, cols);
        double[][] g = new double[m][n];
        for (double[] row : g) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian();
            }
        }
        QRDecomposition qr = new QRDecomposition(MatrixUtils.createRealMatrix(g));
        RealMatrix q = qr.getQ().getSubMatrix(0, m - 1, 0, n - 1);
        RealMatrix r = qr.getR();
        float[][] w = new float[rows][cols];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                // the sign of R's diagonal makes the distribution uniform over orthogonal matrices
                double v = q.getEntry(i, j) * Math.signum(r.getEntry(j, j) == 0 ? 1 : r.getEntry(j, j));
                if (tall) {
                    w[i][j] = (float) v;
                } else {
                    w[j][i] = (float) v;
                }
            }
        }
        return w;
    }
}
