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
    void otherFilesAreRefused() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.h5"), "not hdf5");
        assertThrows(InputException.class, () -> ModelFile.read(junk));
        assertThrows(InputException.class, () -> ModelFile.read(dir.resolve("none.h5")));
    }
}
