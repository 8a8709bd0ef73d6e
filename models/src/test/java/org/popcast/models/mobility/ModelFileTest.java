package org.popcast.models.mobility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.data.input.InputException;
import org.popcast.engine.provenance.Provenance;
import org.popcast.engine.train.Progress;

/** A saved model, read back, predicts exactly what the model in memory predicts (weights, scaler and imputer survive). */
class ModelFileTest {

    @TempDir
    Path dir;

    @Test
    void roundTripRepeatsPredictionsExactly() throws Exception {
        MobilitySettings s = SyntheticCities.settings().withTraining(2, 2, 1, 3);
        MobilityEvaluation.Prepared p = MobilityEvaluation.prepare(SyntheticCities.table(8, 5, 0.2, 4), s);
        for (ModelKind kind : List.of(ModelKind.RIDGE, ModelKind.FNN, ModelKind.LSTM)) {
            TrainedModel m = TrainedModel.train(p, kind, s, Progress.none());
            Path file = dir.resolve(kind.key() + ".h5");
            ModelFile.write(file, m, Provenance.of("test"));
            TrainedModel back = ModelFile.read(file);
            assertEquals(kind, back.kind());
            assertEquals(m.preprocessor().columns(), back.preprocessor().columns());
            assertEquals(m.window(), back.window());
            assertArrayEquals(m.predict(p.table()), back.predict(p.table()), 0.0, kind.key());
        }
    }

    @Test
    void changeFormRoundTripRepeatsPredictionsExactly() throws Exception {
        MobilitySettings s = SyntheticCities.settings().withTraining(2, 2, 1, 3).withTargetForm(TargetForm.CHANGE);
        MobilityEvaluation.Prepared p = MobilityEvaluation.prepare(SyntheticCities.table(8, 5, 0.2, 4), s);
        for (ModelKind kind : List.of(ModelKind.RIDGE_CV, ModelKind.RIDGE, ModelKind.FNN, ModelKind.LSTM)) {
            TrainedModel m = TrainedModel.train(p, kind, s, Progress.none());
            Path file = dir.resolve("change-" + kind.key() + ".h5");
            ModelFile.write(file, m, Provenance.of("test"));
            TrainedModel back = ModelFile.read(file);
            assertEquals(TargetForm.CHANGE, back.form(), kind.key());
            assertEquals(m.change().changeScale(), back.change().changeScale(), 0.0);
            assertArrayEquals(m.predict(p.table()), back.predict(p.table()), 0.0, kind.key());
        }
    }

    @Test
    void aChangeModelWithImpossibleConstantsIsRefused() throws Exception {
        MobilitySettings s = SyntheticCities.settings().withTargetForm(TargetForm.CHANGE);
        MobilityEvaluation.Prepared p = MobilityEvaluation.prepare(SyntheticCities.table(8, 5, 0.2, 4), s);
        TrainedModel m = TrainedModel.train(p, ModelKind.RIDGE_CV, s, Progress.none());
        ChangeForm c = m.change();
        for (ChangeForm bad : List.of(new ChangeForm(c.targetMean(), c.targetSd(), c.changeScale(), 2, c.changeRidge()),
                new ChangeForm(c.targetMean(), c.targetSd(), 0, c.shrinkage(), c.changeRidge()),
                new ChangeForm(c.targetMean(), c.targetSd(), c.changeScale(), c.shrinkage(),
                        new ChangeRidge(c.changeRidge().model(), c.changeRidge().alpha(), -1, new double[0])))) {
            Path file = dir.resolve("bad-change.h5");
            ModelFile.write(file, new TrainedModel(m.kind(), m.columns(), m.window(), m.preprocessor(), m.trainingMean(), m.ridge(),
                    m.weights(), m.dropped(), m.settings(), bad), Provenance.of("test"));
            InputException e = assertThrows(InputException.class, () -> ModelFile.read(file));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("damaged or tampered model"), e.getMessage());
        }
    }

    @Test
    void otherFilesAreRefused() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.h5"), "not hdf5");
        assertThrows(InputException.class, () -> ModelFile.read(junk));
        assertThrows(InputException.class, () -> ModelFile.read(dir.resolve("none.h5")));
    }

    @Test
    void tamperedModelsAreRefused() throws Exception {
        MobilitySettings s = SyntheticCities.settings().withTraining(2, 2, 1, 3);
        MobilityEvaluation.Prepared p = MobilityEvaluation.prepare(SyntheticCities.table(8, 5, 0.2, 4), s);
        TrainedModel m = TrainedModel.train(p, ModelKind.RIDGE, s, Progress.none());
        Preprocessor pre = m.preprocessor();
        double[] zeroSd = pre.scaler().sd().clone();
        zeroSd[0] = 0;
        TrainedModel badScaler = new TrainedModel(m.kind(), m.columns(), m.window(), new Preprocessor(pre.columns(),
                java.util.stream.IntStream.range(0, pre.columns().size()).toArray(), new Standardizer(pre.scaler().mean(), zeroSd), pre.imputer()),
                m.trainingMean(), m.ridge(), m.weights(), m.dropped(), m.settings());
        TrainedModel shortRidge = new TrainedModel(m.kind(), m.columns(), m.window(), pre, m.trainingMean(),
                new RidgeRegression(new double[] {1}, 0, 1), m.weights(), m.dropped(), m.settings());
        double[] nan = m.ridge().weights().clone();
        nan[0] = Double.NaN;
        TrainedModel nanRidge = new TrainedModel(m.kind(), m.columns(), m.window(), pre, m.trainingMean(),
                new RidgeRegression(nan, 0, 1), m.weights(), m.dropped(), m.settings());
        // a ridge of the wrong length cannot even be written (the writer checks dimensions)
        assertThrows(IllegalArgumentException.class, () -> ModelFile.write(dir.resolve("short.h5"), shortRidge, Provenance.of("test")));
        for (TrainedModel bad : List.of(badScaler, nanRidge)) {
            Path file = dir.resolve("bad.h5");
            ModelFile.write(file, bad, Provenance.of("test"));
            InputException e = assertThrows(InputException.class, () -> ModelFile.read(file));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("damaged or tampered model"), e.getMessage());
        }
    }

    @Test
    void aNetworkClaimingHugeLayersIsRefusedBeforeAllocating() throws Exception {
        MobilitySettings s = SyntheticCities.settings().withTraining(2, 2, 1, 3);
        MobilityEvaluation.Prepared p = MobilityEvaluation.prepare(SyntheticCities.table(8, 5, 0.2, 4), s);
        TrainedModel m = TrainedModel.train(p, ModelKind.FNN, s, Progress.none());
        Path file = dir.resolve("fnn.h5");
        ModelFile.write(file, m, Provenance.of("test"));
        String name = m.weights().keySet().iterator().next();
        // as an attacker would: the shape attribute rewritten with the native library
        long f = org.bytedeco.hdf5.global.hdf5.H5Fopen(file.toString(), org.bytedeco.hdf5.global.hdf5.H5F_ACC_RDWR, org.bytedeco.hdf5.global.hdf5.H5P_DEFAULT);
        long ds = org.bytedeco.hdf5.global.hdf5.H5Dopen2(f, "weight_" + name, org.bytedeco.hdf5.global.hdf5.H5P_DEFAULT);
        org.bytedeco.hdf5.global.hdf5.H5Adelete(ds, "shape");
        String huge = "100000000,100000000";
        long type = org.bytedeco.hdf5.global.hdf5.H5Tcopy(org.bytedeco.hdf5.global.hdf5.H5T_C_S1_g());
        org.bytedeco.hdf5.global.hdf5.H5Tset_size(type, huge.length());
        long space = org.bytedeco.hdf5.global.hdf5.H5Screate(org.bytedeco.hdf5.global.hdf5.H5S_SCALAR);
        long a = org.bytedeco.hdf5.global.hdf5.H5Acreate2(ds, "shape", type, space, org.bytedeco.hdf5.global.hdf5.H5P_DEFAULT, org.bytedeco.hdf5.global.hdf5.H5P_DEFAULT);
        org.bytedeco.hdf5.global.hdf5.H5Awrite(a, type, new org.bytedeco.javacpp.BytePointer(huge));
        org.bytedeco.hdf5.global.hdf5.H5Aclose(a);
        org.bytedeco.hdf5.global.hdf5.H5Sclose(space);
        org.bytedeco.hdf5.global.hdf5.H5Tclose(type);
        org.bytedeco.hdf5.global.hdf5.H5Dclose(ds);
        org.bytedeco.hdf5.global.hdf5.H5Fclose(f);
        InputException e = assertThrows(InputException.class, () -> ModelFile.read(file));
        assertEquals(file + ": damaged or tampered model: weights " + name + " claim 100000000 x 100000000, more than the limit of "
                + ModelFile.MAX_LAYER_WIDTH + " per side", e.getMessage());
    }
}
