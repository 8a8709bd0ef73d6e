package org.popcast.kernels.agepde;

/**
 * A solution on a grid: {@code density} is row-major over (time, age), persons per year of age;
 * {@code births} persons per year; {@code population} persons.
 */
public record AgePdeSolution(double[] times, double[] ages, double[] density, double[] births, double[] population) {

    public double density(int timeIndex, int ageIndex) {
        return density[timeIndex * ages.length + ageIndex];
    }

    /** A uniform grid from {@code from} to {@code to} with the given step; the step must divide the span. */
    public static double[] uniformGrid(double from, double to, double step, String what) {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException(what + " step must be > 0, got " + step);
        }
        double count = (to - from) / step;
        if (!(count <= 10_000_000.0)) {
            throw new IllegalArgumentException(what + " step " + step + " gives more than 10 million points");
        }
        long n = Math.round(count);
        if (Math.abs(count - n) > 1e-6 * Math.max(1, count)) {
            throw new IllegalArgumentException(what + " step " + step + " does not divide " + from + " .. " + to);
        }
        if (n > 10_000_000L) {
            throw new IllegalArgumentException(what + " step " + step + " gives " + (n + 1) + " points, more than 10 million");
        }
        double[] grid = new double[(int) n + 1];
        for (int i = 0; i <= n; i++) {
            grid[i] = i == n ? to : from + i * step;
        }
        return grid;
    }
}
