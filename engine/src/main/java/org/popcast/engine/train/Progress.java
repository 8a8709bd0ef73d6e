package org.popcast.engine.train;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long run: on a terminal one line redrawn in place (step, losses, steps/s, ETA);
 * otherwise (a log file, a CI job, docker without a tty) a plain line every {@code interval}
 * seconds, so logs stay readable. The methods are synchronised: work running on several threads
 * (the folds of {@code mobility evaluate}) may report to one progress.
 */
public final class Progress {

    private final PrintWriter out;
    private final boolean terminal;
    private final double intervalSeconds;
    private String phase;
    private long phaseStartNanos;
    private long phaseStartSteps;
    private long lastDone;
    private long lastPrintNanos = Long.MIN_VALUE;
    private boolean lineOpen;

    public Progress(PrintStream out, boolean terminal, double intervalSeconds) {
        this(new PrintWriter(out, true), terminal, intervalSeconds);
    }

    public Progress(PrintWriter out, boolean terminal, double intervalSeconds) {
        this.out = out;
        this.terminal = terminal;
        this.intervalSeconds = intervalSeconds;
    }

    /**
     * Progress to standard error, given as the writer a command line prints its errors with:
     * redrawn on a terminal, plain lines every 10 s otherwise.
     */
    public static Progress toStandardError(PrintWriter stderr) {
        boolean tty = System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
        return new Progress(stderr, tty, tty ? 0.2 : 10);
    }

    /** Silent progress (for --quiet and tests). */
    public static Progress none() {
        return new Progress((PrintWriter) null, false, Double.POSITIVE_INFINITY);
    }

    /**
     * Reports step {@code done} of {@code total} of a phase; {@code stepsThisRun} counts the steps
     * this process took (a resumed run's earlier steps do not count toward its speed). A phase
     * whose {@code done} falls back has started over (the next fold's epochs) and is timed afresh.
     */
    public synchronized void update(String phase, long done, long total, long stepsThisRun, String losses) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (!phase.equals(this.phase)) { // speed is measured per phase, from its first reported step
            this.phase = phase;
            phaseStartNanos = now;
            phaseStartSteps = stepsThisRun;
            lastPrintNanos = Long.MIN_VALUE;
        } else if (done < lastDone) {
            // the phase starts over (the next model's epochs): measure its speed afresh, but keep
            // the plain lines' pace, or every model would print a line
            phaseStartNanos = now;
            phaseStartSteps = stepsThisRun;
        }
        lastDone = done;
        boolean last = done == total;
        if (!last && lastPrintNanos != Long.MIN_VALUE && (now - lastPrintNanos) / 1e9 < intervalSeconds) {
            return;
        }
        lastPrintNanos = now;
        double seconds = (now - phaseStartNanos) / 1e9;
        double rate = seconds > 0 ? (stepsThisRun - phaseStartSteps) / seconds : 0;
        String eta = rate > 0 ? duration((total - done) / rate) : "?";
        String line = String.format(Locale.ROOT, "%s %d/%d (%3.0f%%)  %s  %.1f %s/s  ETA %s",
                phase, done, total, 100.0 * done / Math.max(total, 1), losses, rate, unit(phase), eta);
        if (terminal) {
            out.print("\r\033[K" + line);
            lineOpen = !last;
            if (last) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** What a phase counts, for its speed: epochs, cities, projected years, trajectories, L-BFGS iterations, else steps. */
    static String unit(String phase) {
        return switch (phase) {
            case "epoch" -> "epochs";
            case "city" -> "cities";
            case "project" -> "years";
            case "trajectories" -> "trajectories";
            case "l-bfgs" -> "iterations";
            default -> "steps";
        };
    }

    /** A message on its own line (ends an open progress line first). */
    public synchronized void message(String text) {
        if (out == null) {
            return;
        }
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
        out.println(text);
        out.flush();
    }

    /**
     * Erases an open progress line on a terminal, so that a result printed on standard output
     * starts on a clean line; the next update draws the progress line again.
     */
    public synchronized void clearLine() {
        if (out != null && lineOpen) {
            out.print("\r\033[K");
            out.flush();
            lineOpen = false;
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
