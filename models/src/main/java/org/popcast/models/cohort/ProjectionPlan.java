package org.popcast.models.cohort;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.popcast.data.input.InputException;
import org.popcast.kernels.cohort.CohortLayout;
import org.popcast.kernels.cohort.LifeTable;
import org.popcast.kernels.cohort.MigrationTiming;
import org.popcast.kernels.cohort.Sex;

/**
 * A projection ready to run: the input, the scenarios, and the rates of every step assembled from
 * the seed model's assumptions. Paths (TFR, migration scale, international migration, sex ratio
 * at birth) are read at the middle of each step; mortality improvement rescales each life table's
 * death rates so that e0 = e0(input rates) + gain x (mid-step year - from) / 10; fertility paths
 * rescale the input's age pattern to the path's TFR.
 */
public final class ProjectionPlan {

    private final CohortInput in;
    private final List<Scenario> scenarios;
    private final CohortLayout layout;
    private final double[] cap;
    private final double[] leafRates;
    /** Per leaf [L]: the internal migration rate and a trajectory's departure ({@link #leafRates} and {@link #leafShifts} without the profile). */
    private final double[] leafRate;
    private final double[] leafShift;
    private final double[] provinceRates;
    private final double[] hasOwn;
    private final Map<double[], LifeTable> baseTables = new IdentityHashMap<>();
    /** For a shifted plan: its departures and the plan it departs from (null for a plan of the input itself). */
    private final PathShift shift;
    private final ProjectionPlan base;
    /** The rates and life tables of each step, kept once a shifted plan asks (every trajectory shares them). */
    private final Map<Integer, StepRates> keptRates = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Integer, LifeTable[]> keptTables = new java.util.concurrent.ConcurrentHashMap<>();
    /** Where results of this plan keep their population by year. */
    private final ResultStorage storage;

    /** A plan whose results stay in memory. */
    public ProjectionPlan(CohortInput in, List<Scenario> scenarios) {
        this(in, scenarios, ResultStorage.memory());
    }

    /** A plan whose results keep their population where {@code storage} decides by their size. */
    public ProjectionPlan(CohortInput in, List<Scenario> scenarios, ResultStorage storage) {
        this.in = in;
        this.storage = storage;
        this.shift = null;
        this.base = null;
        this.scenarios = List.copyOf(scenarios);
        this.layout = new CohortLayout(in.leafCount(), this.scenarios.size(), in.ageCount());
        int leaves = layout.leaves();
        if (!Double.isNaN(in.settings().improvementFrom()) && in.mortalityKind().equals("Lx")) {
            throw new InputException(in.mortality().file() + ": mortality improvement rescales death rates, so it needs mx or qx, not Lx");
        }
        cap = new double[leaves];
        for (int l = 0; l < leaves; l++) {
            cap[l] = in.leaf(l).cap();
        }
        if (in.hasInternalMigration()) {
            leafRates = withProfile(in.leafRate());
            double[] own = in.provinceRate().clone();
            hasOwn = new double[own.length];
            for (int g = 0; g < own.length; g++) {
                hasOwn[g] = Double.isNaN(own[g]) ? 0 : 1;
                own[g] = Double.isNaN(own[g]) ? 0 : own[g];
            }
            provinceRates = withProfile(own);
            leafRate = in.leafRate().clone();
        } else {
            leafRates = new double[layout.leafSize()];
            leafRate = new double[leaves];
            provinceRates = new double[0];
            hasOwn = new double[0];
        }
        leafShift = new double[leaves];
    }

    /** A trajectory of a one-scenario plan: the base's rates moved by {@code shift}. */
    private ProjectionPlan(ProjectionPlan base, PathShift shift) {
        this.in = base.in;
        this.storage = ResultStorage.memory(); // one scenario: small, and trajectories do not close their results
        this.scenarios = base.scenarios;
        this.layout = base.layout;
        this.cap = base.cap;
        this.provinceRates = base.provinceRates;
        this.hasOwn = base.hasOwn;
        this.shift = shift;
        this.base = base;
        if (shift.logTfr().length != base.steps() || shift.e0().length != base.steps() || shift.migration().length != layout.leaves()) {
            throw new IllegalArgumentException("a shift needs one value per step (" + base.steps() + ") and per leaf (" + layout.leaves() + ")");
        }
        leafRates = base.leafRates;
        leafRate = base.leafRate;
        leafShift = in.hasInternalMigration() ? shift.migration().clone() : new double[layout.leaves()];
    }

    /**
     * This plan's scenario moved by one trajectory's departures (probabilistic projections). The
     * plan must hold one scenario; its step rates and life tables are computed once and shared by
     * every shifted plan made from it, so keep one base plan for all trajectories.
     */
    public ProjectionPlan shifted(PathShift shift) {
        if (base != null || scenarios.size() != 1) {
            throw new IllegalStateException("only a plan of the input with one scenario can be shifted");
        }
        return new ProjectionPlan(this, shift);
    }

    public CohortInput input() {
        return in;
    }

    /** Where this plan's results keep their population by year. */
    public ResultStorage storage() {
        return storage;
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    /** The layout of the projection's arrays: the input's leaves and ages, and the scenarios. */
    public CohortLayout layout() {
        return layout;
    }

    public int steps() {
        return in.settings().steps();
    }

    public double stepLength() {
        return in.settings().step();
    }

    public MigrationTiming timing() {
        return in.settings().timing();
    }

    public int year(int step) {
        return in.settings().baseYear() + step * in.settings().step();
    }

    /** Population ceilings of the leaves (+infinity for none). */
    public double[] caps() {
        return cap.clone();
    }

    /** Internal migration rate times age profile per leaf, [L][2][A]. */
    public double[] leafRates() {
        return leafRates.clone();
    }

    /**
     * A trajectory's departure of each leaf's rate times the age profile, [L][2][A]: added to the
     * rate after the small- and middle-city factors (they damp the input's rates, not the error of
     * the effective rate that the departure stands for). Zero for the input's own plan.
     */
    public double[] leafShifts() {
        return in.hasInternalMigration() ? withProfile(leafShift) : new double[layout.leafSize()];
    }

    /** Internal migration rate of each leaf [L] (0 without internal migration): {@link #leafRates} before the age profile. */
    public double[] leafRateByLeaf() {
        return leafRate.clone();
    }

    /** A trajectory's departure of each leaf's rate [L]: {@link #leafShifts} before the age profile. */
    public double[] leafShiftByLeaf() {
        return leafShift.clone();
    }

    /** A province's own rate times the age profile, [G][2][A] (0 where it has none). */
    public double[] provinceRates() {
        return provinceRates.clone();
    }

    /** 1 where a province's raw net comes from its own rate, [G]. */
    public double[] hasOwnRate() {
        return hasOwn.clone();
    }

    /** The small- and middle-city size thresholds (0, 0 without internal migration). */
    public double[] sizeThresholds() {
        ProjectionSettings.InternalMigration im = in.settings().internal();
        return im == null ? new double[] {0, 0} : new double[] {im.smallBelow(), im.middleBelow()};
    }

    public StepRates rates(int step) {
        if (base != null) {
            return shiftedRates(step);
        }
        int year = year(step);
        double mid = year + stepLength() / 2;
        ProjectionSettings set = in.settings();
        int leaves = layout.leaves(), scen = layout.scenarios(), ages = layout.ages();
        double[] fertility = new double[leaves * ages];
        double[] fertilityFactor = new double[layout.seriesCount()];
        double[] femaleShare = new double[leaves];
        double[] explicitCount = new double[layout.leafSize()];
        double[] explicitRate = new double[layout.leafSize()];
        for (int l = 0; l < leaves; l++) {
            String code = in.leaf(l).code();
            for (Sex sex : Sex.values()) {
                double[] m = in.migration() == null ? null : in.migration().at(code, sex, year);
                if (m != null) {
                    double[] target = in.migrationKind().equals("net_count") ? explicitCount : explicitRate;
                    System.arraycopy(m, 0, target, layout.leafIndex(l, sex.ordinal(), 0), ages);
                }
            }
            fertility(l, year, mid, fertility, fertilityFactor);
            femaleShare[l] = 1 / (1 + srb(code, year, mid));
        }
        double[] scale = new double[scen];
        for (int s = 0; s < scen; s++) {
            TimePath p = scenarios.get(s).migrationScale();
            scale[s] = p == null ? 1 : p.value(mid);
        }
        double intRate = set.internationalRate() * (set.internationalPath() == null ? 1 : set.internationalPath().value(mid));
        double[] size = set.internal() == null ? new double[] {1, 1} : set.internal().sizeFactors(year);
        Survival surv = Survival.of(lifeTables(step), layout);
        return new StepRates(year, surv.ratios(), surv.of(), surv.birth(), fertility, fertilityFactor, 1, femaleShare, intRate,
                scale, size[0], size[1], explicitCount, explicitRate);
    }

    /**
     * A step's survival from its life tables [L][2]: the ratios once per distinct (F, M) pair of
     * tables, [T][2][A], where each leaf's block starts, [L], and the survival of births [L][2].
     */
    private record Survival(double[] ratios, int[] of, double[] birth) {
        static Survival of(LifeTable[] tables, CohortLayout layout) {
            int leaves = layout.leaves(), cells = layout.cells(), ages = layout.ages();
            Map<List<LifeTable>, Integer> blocks = new java.util.HashMap<>(); // LifeTable's equals is identity
            double[] ratios = new double[leaves * cells], birth = new double[leaves * CohortLayout.SEXES];
            int[] of = new int[leaves];
            for (int l = 0; l < leaves; l++) {
                LifeTable f = tables[layout.leafSex(l, 0)], m = tables[layout.leafSex(l, 1)];
                int fresh = blocks.size() * cells, at = blocks.computeIfAbsent(List.of(f, m), k -> fresh);
                if (at == fresh) {
                    System.arraycopy(f.survivalRatios(), 0, ratios, at, ages);
                    System.arraycopy(m.survivalRatios(), 0, ratios, at + ages, ages);
                }
                of[l] = at;
                birth[layout.leafSex(l, 0)] = f.birthSurvival();
                birth[layout.leafSex(l, 1)] = m.birthSurvival();
            }
            return new Survival(java.util.Arrays.copyOf(ratios, blocks.size() * cells), of, birth);
        }
    }

    /** A shifted plan's step: the base's rates with survival from life tables with e_0 moved, fertility scaled by the TFR departure. */
    private StepRates shiftedRates(int step) {
        StepRates b = base.keptRates.computeIfAbsent(step, base::rates);
        double[] survival = b.survival(), birthSurvival = b.birthSurvival();
        int[] survivalOf = b.survivalOf();
        if (shift.e0()[step] != 0) {
            Survival moved = Survival.of(lifeTables(step), layout);
            survival = moved.ratios();
            survivalOf = moved.of();
            birthSurvival = moved.birth();
        }
        return new StepRates(b.year(), survival, survivalOf, birthSurvival, b.fertility(), b.fertilityFactor(),
                Math.exp(shift.logTfr()[step]), b.femaleShare(), b.internationalRate(), b.migrationScale(), b.smallFactor(),
                b.middleFactor(), b.explicitCount(), b.explicitRate());
    }

    /** The life tables of a step (after mortality improvement) by leaf and sex, [L][2]. */
    public LifeTable[] lifeTables(int step) {
        if (base != null) {
            LifeTable[] kept = base.keptTables.computeIfAbsent(step, k -> sameTablesShared(base.lifeTables(k))), out = new LifeTable[kept.length];
            Map<LifeTable, LifeTable> moved = new IdentityHashMap<>();
            for (int i = 0; i < kept.length; i++) {
                out[i] = moved.computeIfAbsent(kept[i], t -> t.shiftedE0(shift.e0()[step]));
            }
            return out;
        }
        int year = year(step);
        double mid = year + stepLength() / 2;
        LifeTable[] out = new LifeTable[layout.leaves() * CohortLayout.SEXES];
        Map<double[], LifeTable> improved = new IdentityHashMap<>();
        for (int l = 0; l < layout.leaves(); l++) {
            for (Sex sex : Sex.values()) {
                double[] rates = in.mortality().at(in.leaf(l).code(), sex, year);
                out[layout.leafSex(l, sex.ordinal())] = improved.computeIfAbsent(rates, r -> lifeTable(r, sex, year, mid));
            }
        }
        return out;
    }

    /**
     * The tables with equal rates (and sex) made one object, so a shift moves each distinct table once:
     * regions given their province's rates (e.g. city rates) have equal tables in distinct arrays.
     */
    private static LifeTable[] sameTablesShared(LifeTable[] tables) {
        Map<List<Object>, LifeTable> distinct = new java.util.HashMap<>();
        LifeTable[] out = new LifeTable[tables.length];
        for (int i = 0; i < tables.length; i++) {
            LifeTable t = tables[i];
            List<Object> key = List.of(i % CohortLayout.SEXES, java.nio.DoubleBuffer.wrap(t.hasRates() ? t.rates() : t.personYears()));
            out[i] = distinct.computeIfAbsent(key, k -> t);
        }
        return out;
    }

    /** The fertility of a step (births per woman per year) by leaf, scenario and age, [L][S][A]: f x (factor x scale), as the projectors form it. */
    public double[] fertility(int step) {
        int leaves = layout.leaves(), ages = layout.ages(), scen = layout.scenarios();
        double[] f = new double[leaves * ages], factor = new double[layout.seriesCount()];
        double scale = 1;
        if (base != null) {
            StepRates r = rates(step);
            f = r.fertility();
            factor = r.fertilityFactor();
            scale = r.fertilityScale();
        } else {
            for (int l = 0; l < leaves; l++) {
                fertility(l, year(step), year(step) + stepLength() / 2, f, factor);
            }
        }
        double[] out = new double[layout.seriesCount() * ages];
        for (int l = 0; l < leaves; l++) {
            for (int s = 0; s < scen; s++) {
                for (int a = 0; a < ages; a++) {
                    out[layout.fertilityIndex(l, s, a)] = f[l * ages + a] * (factor[layout.series(l, s)] * scale);
                }
            }
        }
        return out;
    }

    /**
     * Leaf l's fertility of the step, the input's, into {@code out} [L][A], and each scenario's
     * factor that rescales it to the scenario's TFR path (1 before the path starts) into {@code factor} [L][S].
     */
    private void fertility(int l, int year, double mid, double[] out, double[] factor) {
        String code = in.leaf(l).code();
        double[] f = in.fertility().at(code, year);
        double tfr = 0;
        for (double v : f) {
            tfr += v * stepLength();
        }
        System.arraycopy(f, 0, out, l * layout.ages(), layout.ages());
        for (int s = 0; s < layout.scenarios(); s++) {
            TimePath path = scenarios.get(s).tfr();
            double k = 1;
            if (path != null && path.startedBy(year)) {
                if (!(tfr > 0)) {
                    throw new InputException(in.fertility().file() + ": region " + code + " has no fertility in " + year
                            + ", so a TFR path cannot rescale it");
                }
                k = path.value(mid) / tfr;
            }
            factor[layout.series(l, s)] = k;
        }
    }

    /** The sex ratio at birth of a region in the step: the settings' path once started, else srb.csv, else 1.05. */
    private double srb(String code, int year, double mid) {
        ProjectionSettings set = in.settings();
        double[] given = in.srb() == null ? null : in.srb().at(code, year);
        if (set.srbPath() != null && set.srbPath().startedBy(year)) {
            return set.srbPath().value(mid);
        }
        return given != null ? given[0] : 1.05;
    }

    private LifeTable lifeTable(double[] rates, Sex sex, int year, double mid) {
        LifeTable base = baseTables.computeIfAbsent(rates, r -> switch (in.mortalityKind()) {
            case "mx" -> LifeTable.fromMx(in.ages(), r, sex);
            case "qx" -> LifeTable.fromQx(in.ages(), r, sex);
            default -> LifeTable.fromLx(in.ages(), r, in.radix());
        });
        ProjectionSettings set = in.settings();
        if (Double.isNaN(set.improvementFrom()) || year < set.improvementFrom()) {
            return base;
        }
        return base.withE0(base.e0() + set.e0GainPerDecade() * (mid - set.improvementFrom()) / 10);
    }

    private double[] withProfile(double[] rates) {
        CohortLayout byRegion = CohortLayout.ofLeaves(rates.length, layout.ages());
        double[] out = new double[byRegion.leafSize()];
        double[] profile = in.profile();
        for (int r = 0; r < rates.length; r++) {
            for (int i = 0; i < byRegion.cells(); i++) {
                out[byRegion.leafOffset(r) + i] = rates[r] * profile[i];
            }
        }
        return out;
    }
}
