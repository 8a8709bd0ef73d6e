package org.popcast.engine.train;

/**
 * One optimiser step of a model, as a {@link TrainingLoop} takes it: an Adam step of the PINN, an
 * epoch of mini-batches of a mobility network. The step owns whatever it needs to be repeatable
 * (step counters, shuffling state), so the loop knows nothing about the model and the listeners
 * see only the losses.
 *
 * @param <L> what a step reports (its losses)
 */
@FunctionalInterface
public interface TrainingStep<L> {

    /** Takes the next step and returns its losses. */
    L take();
}
