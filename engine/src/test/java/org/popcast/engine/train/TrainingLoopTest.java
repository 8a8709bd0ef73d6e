package org.popcast.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The loop and its listeners on a fake step that counts how often it was taken. */
class TrainingLoopTest {

    /** A step whose loss is a fixed value per call (the i-th call reports values[i]), counting its calls. */
    private static final class FakeStep implements TrainingStep<Double> {
        private final double[] values;
        int taken;

        FakeStep(double... values) {
            this.values = values;
        }

        @Override
        public Double take() {
            return values[taken++];
        }
    }

    /** A listener that writes "name:done" for every step and stops at step {@code stopAt} (0: never). */
    private static StepListener<Double> logging(List<String> log, String name, long stopAt) {
        return new StepListener<>() {
            @Override
            public void loopStarted(long first, long last) {
                log.add(name + ":start " + first + ".." + last);
            }

            @Override
            public Action stepDone(TrainingLoop.Step<? extends Double> step) {
                log.add(name + ":" + step.done() + "/" + step.last() + " #" + step.thisRun() + " " + step.losses());
                return step.done() == stopAt ? Action.STOP : Action.CONTINUE;
            }

            @Override
            public void loopEnded(TrainingLoop.Ending ending) {
                log.add(name + ":end " + ending.done() + (ending.stopped() ? " stopped" : ""));
            }
        };
    }

    @Test
    void listenersSeeEveryStepInTheOrderTheyWereAddedCountingFromTheStartOfTraining() throws Exception {
        List<String> log = new ArrayList<>();
        FakeStep step = new FakeStep(0.5, 0.25, 0.125);
        TrainingLoop.Ending end = new TrainingLoop<Double>(step).addStepListener(logging(log, "a", 0))
                .addStepListener(logging(log, "b", 0)).run(4, 7);
        assertEquals(List.of("a:start 4..7", "b:start 4..7",
                "a:5/7 #1 0.5", "b:5/7 #1 0.5", "a:6/7 #2 0.25", "b:6/7 #2 0.25", "a:7/7 #3 0.125", "b:7/7 #3 0.125",
                "a:end 7", "b:end 7"), log);
        assertEquals(3, step.taken);
        assertEquals(7, end.done());
        assertEquals(3, end.thisRun());
        assertFalse(end.stopped());
    }

    @Test
    void aLoopAlreadyAtItsLastStepTakesNoStep() throws Exception {
        List<String> log = new ArrayList<>();
        FakeStep step = new FakeStep();
        TrainingLoop.Ending end = new TrainingLoop<Double>(step).addStepListener(logging(log, "a", 0)).run(5, 5);
        assertEquals(List.of("a:start 5..5", "a:end 5"), log);
        assertEquals(0, end.thisRun());
    }

    @Test
    void aStopRequestEndsTheLoopAfterTheCurrentStepOnceEveryListenerHasSeenIt() throws Exception {
        List<String> log = new ArrayList<>();
        FakeStep step = new FakeStep(1, 2, 3, 4, 5);
        StepListener<Double> stopper = logging(log, "a", 2);
        TrainingLoop.Ending end = new TrainingLoop<Double>(step).addStepListener(stopper)
                .addStepListener(logging(log, "b", 0)).run(0, 5);
        assertEquals(2, step.taken, "no step after the one the stop was asked at");
        assertEquals(List.of("a:start 0..5", "b:start 0..5", "a:1/5 #1 1.0", "b:1/5 #1 1.0", "a:2/5 #2 2.0", "b:2/5 #2 2.0",
                "a:end 2 stopped", "b:end 2 stopped"), log);
        assertSame(stopper, end.stoppedBy());
        assertEquals(2, end.done());
    }

    @Test
    void aStopAskedForAtTheLastStepEndsNothingEarly() throws Exception {
        TrainingLoop.Ending end = new TrainingLoop<Double>(new FakeStep(1, 2, 3)).addStepListener(logging(new ArrayList<>(), "a", 3))
                .run(0, 3);
        assertFalse(end.stopped());
        assertNull(end.stoppedBy());
    }

    @Test
    void theDeadlineStopsTheLoopWithACheckpointOfTheStepItStoppedAt() throws Exception {
        AtomicLong clock = new AtomicLong();
        Deadline deadline = Deadline.after(Duration.ofMillis(3500), clock::get);
        clock.addAndGet(1_000_000_000L); // building the graph counts against the limit
        FakeStep step = new FakeStep(new double[10]);
        List<Long> saved = new ArrayList<>();
        TrainingLoop.Ending end = new TrainingLoop<Double>(() -> {
            clock.addAndGet(1_000_000_000L);
            return step.take();
        }).addStepListener(new Checkpointing(100, () -> saved.add((long) step.taken))).addStepListener(deadline).run(0, 10);
        assertEquals(3, end.done(), "1 s before the loop + 3 one-second steps pass 3.5 s");
        assertSame(deadline, end.stoppedBy());
        assertEquals(List.of(3L), saved, "a checkpoint where the deadline stopped the loop");
        assertTrue(deadline.passed());
    }

    @Test
    void aStepAlreadyCheckpointedWhenTheDeadlineStopsIsSavedOnce() throws Exception {
        AtomicLong clock = new AtomicLong();
        Deadline deadline = Deadline.after(Duration.ofNanos(2), clock::get);
        FakeStep step = new FakeStep(new double[10]);
        List<Long> saved = new ArrayList<>();
        TrainingLoop.Ending end = new TrainingLoop<Double>(() -> {
            clock.incrementAndGet();
            return step.take();
        }).addStepListener(new Checkpointing(3, () -> saved.add((long) step.taken))).addStepListener(deadline).run(0, 10);
        assertEquals(3, end.done());
        assertTrue(end.stopped());
        assertEquals(List.of(3L), saved);
    }

    @Test
    void aDeadlinePassedAtTheLastStepIsNoEarlyStop() throws Exception {
        AtomicLong clock = new AtomicLong();
        Deadline deadline = Deadline.after(Duration.ofNanos(2), clock::get);
        FakeStep step = new FakeStep(new double[3]);
        List<Long> saved = new ArrayList<>();
        TrainingLoop.Ending end = new TrainingLoop<Double>(() -> {
            clock.incrementAndGet();
            return step.take();
        }).addStepListener(new Checkpointing(100, () -> saved.add((long) step.taken))).addStepListener(deadline).run(0, 3);
        assertFalse(end.stopped());
        assertEquals(List.of(3L), saved, "the last step is checkpointed once");
    }

    @Test
    void noTimeLimitNeverPasses() {
        Deadline none = Deadline.after(null, () -> Long.MAX_VALUE);
        assertFalse(none.passed());
        assertEquals(StepListener.Action.CONTINUE, none.stepDone(new TrainingLoop.Step<>(1, 2, 1, 0.0)));
    }

    @Test
    void checkpointsAndLossWeightUpdatesFallOnStepsCountedFromTheStartOfTraining() throws Exception {
        List<String> log = new ArrayList<>();
        FakeStep step = new FakeStep(new double[10]);
        new TrainingLoop<Double>(step)
                .addStepListener(new LossWeightUpdate(2, () -> log.add("reweight " + (5 + step.taken))))
                .addStepListener(new Checkpointing(3, () -> log.add("save " + (5 + step.taken))))
                .run(5, 12);
        assertEquals(List.of("reweight 6", "save 6", "reweight 8", "save 9", "reweight 10", "reweight 12", "save 12"), log,
                "the update comes before the same step's checkpoint, so the checkpoint holds it");
        assertThrows(IllegalArgumentException.class, () -> new Checkpointing(0, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> new LossWeightUpdate(0, () -> { }));
    }

    @Test
    void earlyStoppingKeepsTheBestStepStopsAfterPatienceAndRestoresTheBest() throws Exception {
        List<String> log = new ArrayList<>();
        FakeStep step = new FakeStep(5, 4, 4, 4.5, 3, 2, 1);
        EarlyStopping<Double> early = new EarlyStopping<>(Double::doubleValue, 2,
                () -> log.add("keep " + step.taken), () -> log.add("restore"));
        TrainingLoop.Ending end = new TrainingLoop<Double>(step).addStepListener(early)
                .addStepListener(s -> {
                    log.add("seen " + s.done() + " best " + early.bestStep());
                    return StepListener.Action.CONTINUE;
                }).run(0, 7);
        assertEquals(List.of("keep 1", "seen 1 best 1", "keep 2", "seen 2 best 2", "seen 3 best 2", "seen 4 best 2", "restore"), log,
                "an equal value is no improvement; later listeners see the step the stop came at; the best is restored once");
        assertSame(early, end.stoppedBy());
        assertEquals(4, end.done());
        assertEquals(2, early.bestStep());
        assertEquals(4.0, early.best());
    }

    @Test
    void earlyStoppingRestoresTheBestAlsoWhenTheLoopRunsToItsEnd() throws Exception {
        List<String> log = new ArrayList<>();
        FakeStep step = new FakeStep(3, 1, 2);
        EarlyStopping<Double> early = new EarlyStopping<>(Double::doubleValue, 5, () -> log.add("keep " + step.taken),
                () -> log.add("restore"));
        TrainingLoop.Ending end = new TrainingLoop<Double>(step).addStepListener(early).run(0, 3);
        assertFalse(end.stopped());
        assertEquals(List.of("keep 1", "keep 2", "restore"), log);
        assertEquals(2, early.bestStep());
    }

    @Test
    void aLossThatIsNeverANumberStopsAfterPatienceWithNoBestStep() throws Exception {
        List<String> log = new ArrayList<>();
        FakeStep step = new FakeStep(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        EarlyStopping<Double> early = new EarlyStopping<>(Double::doubleValue, 2, () -> log.add("keep"), () -> log.add("restore"));
        TrainingLoop.Ending end = new TrainingLoop<Double>(step).addStepListener(early).run(0, 4);
        assertEquals(2, end.done());
        assertEquals(0, early.bestStep());
        assertEquals(List.of("restore"), log);
    }

    @Test
    void progressIsReportedPerStepWithThisRunsStepCount() throws Exception {
        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text), false, 0);
        new TrainingLoop<Double>(new FakeStep(0.5, 0.25)).addStepListener(new ProgressReport<>(progress, "adam", l -> "loss " + l))
                .run(8, 10);
        String[] lines = text.toString().split("\n");
        assertEquals(2, lines.length, text.toString());
        assertTrue(lines[0].startsWith("adam 9/10 ( 90%)  loss 0.5  "), lines[0]);
        assertTrue(lines[1].startsWith("adam 10/10 (100%)  loss 0.25  "), lines[1]);
    }
}
