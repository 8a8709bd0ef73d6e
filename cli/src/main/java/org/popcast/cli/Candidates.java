package org.popcast.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.popcast.data.input.EnumLabels;

/**
 * The values shell completion offers for options with a fixed set of choices (picocli's
 * {@code completionCandidates}). Picocli's default for an enum option is the constants' names
 * (SOFT_RELATIVE, DAMPED_TREND), which popcast's converters refuse, and a String option gets
 * nothing; so each choice lists the words its parser accepts, taken from the enum that parses it so
 * the two cannot drift apart. {@code CompletionCommandTest} parses every candidate of every option.
 */
final class Candidates {

    private Candidates() {
    }

    /** A fixed list of words. */
    abstract static class Words implements Iterable<String> {
        private final List<String> words;

        Words(List<String> words) {
            this.words = List.copyOf(words);
        }

        @Override
        public Iterator<String> iterator() {
            return words.iterator();
        }
    }

    /** The labels of an enum as {@link EnumLabels} writes them (soft-relative). */
    abstract static class Labels extends Words {
        Labels(Class<? extends Enum<?>> type) {
            super(EnumLabels.labels(type));
        }
    }

    /** An enum's own spelling of its constants (ridge_cv, mortality_scale). */
    abstract static class Keys<E extends Enum<E>> extends Words {
        Keys(Class<E> type, Function<E, String> key) {
            super(Arrays.stream(type.getEnumConstants()).map(key).toList());
        }
    }

    static final class Policies extends Words {
        Policies() {
            super(org.popcast.models.agepde.PdeScenarioReader.BUILTIN);
        }
    }

    static final class Devices extends Keys<org.popcast.engine.runtime.Device> {
        Devices() {
            super(org.popcast.engine.runtime.Device.class, d -> d.name().toLowerCase(Locale.ROOT));
        }
    }

    static final class InferenceMethods extends Keys<org.popcast.models.inverse.InferenceMethod> {
        InferenceMethods() {
            super(org.popcast.models.inverse.InferenceMethod.class, org.popcast.models.inverse.InferenceMethod::label);
        }
    }

    static final class Unknowns extends Keys<org.popcast.models.inverse.UnknownParameter> {
        Unknowns() {
            super(org.popcast.models.inverse.UnknownParameter.class, org.popcast.models.inverse.UnknownParameter::label);
        }
    }

    static final class Presets extends Labels {
        Presets() {
            super(PdeTrainCommand.Preset.class);
        }
    }

    static final class InitialConditions extends Labels {
        InitialConditions() {
            super(org.popcast.models.pinn.PinnSettings.InitialCondition.class);
        }
    }

    static final class Samplings extends Labels {
        Samplings() {
            super(org.popcast.kernels.sampling.Collocation.Kind.class);
        }
    }

    static final class LossWeights extends Labels {
        LossWeights() {
            super(org.popcast.models.pinn.PinnSettings.LossWeights.class);
        }
    }

    static final class Builtins extends Words {
        Builtins() {
            super(org.popcast.models.cohort.CohortInputReader.BUILTIN);
        }
    }

    static final class MigrationTimings extends Labels {
        MigrationTimings() {
            super(org.popcast.kernels.cohort.MigrationTiming.class);
        }
    }

    static final class RateSources extends Labels {
        RateSources() {
            super(org.popcast.models.cohort.RateSource.class);
        }
    }

    static final class MigrationSources extends Labels {
        MigrationSources() {
            super(org.popcast.models.cohort.MigrationSource.class);
        }
    }

    static final class Engines extends Labels {
        Engines() {
            super(org.popcast.models.cohort.ProjectionEngine.class);
        }
    }

    static final class PopulationMethods extends Keys<org.popcast.models.balance.PopulationMethod> {
        PopulationMethods() {
            super(org.popcast.models.balance.PopulationMethod.class, org.popcast.models.balance.PopulationMethod::label);
        }
    }

    static final class TargetForms extends Keys<org.popcast.models.mobility.TargetForm> {
        TargetForms() {
            super(org.popcast.models.mobility.TargetForm.class, org.popcast.models.mobility.TargetForm::key);
        }
    }

    static final class MobilityModels extends Keys<org.popcast.models.mobility.ModelKind> {
        MobilityModels() {
            super(org.popcast.models.mobility.ModelKind.class, org.popcast.models.mobility.ModelKind::key);
        }
    }

    /** The models mobility train saves (the baselines have nothing to save). */
    static final class TrainableModels extends Words {
        TrainableModels() {
            super(List.of("ridge_cv", "ridge", "fnn", "lstm"));
        }
    }

    static final class Splits extends Keys<org.popcast.models.mobility.SplitScheme> {
        Splits() {
            super(org.popcast.models.mobility.SplitScheme.class, org.popcast.models.mobility.SplitScheme::key);
        }
    }

    static final class Networks extends Words {
        Networks() {
            super(PdeCompareCommand.NETWORKS);
        }
    }
}
