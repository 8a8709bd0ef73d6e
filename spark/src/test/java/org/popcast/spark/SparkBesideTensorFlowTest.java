package org.popcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.tensorflow.EagerSession;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

/**
 * Spark's class path beside popcast's in one JVM, the known trap (protobuf, Jackson, Scala, kryo,
 * SLF4J; docs/spark.md): a Spark job with a shuffle runs, then TensorFlow loads and computes an
 * eager op and a graph session with a ConfigProto (protobuf), and XGBoost (built for Scala 2.12, here on Spark's Scala 2.13) trains two rounds.
 */
class SparkBesideTensorFlowTest {

    @Test
    void sparkThenTensorFlowThenXgboostInOneJvm() throws Exception {
        try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("popcast-test")
                .set("spark.log.level", "WARN"))) {
            Map<Integer, Iterable<Integer>> grouped = sc.parallelize(List.of(1, 2, 3, 4, 5, 6), 3)
                    .mapToPair(i -> new scala.Tuple2<>(i % 2, i)).groupByKey(2).collectAsMap();
            assertEquals(2, grouped.size());
        }
        assertFalse(TensorFlow.version().isEmpty());
        try (EagerSession session = EagerSession.create()) {
            Ops tf = Ops.create(session);
            try (TFloat32 sum = tf.math.add(tf.constant(new float[] {1, 2}), tf.constant(new float[] {3, 4})).asTensor()) {
                assertEquals(4f, sum.getFloat(0));
                assertEquals(6f, sum.getFloat(1));
            }
        }
        // a graph session with a ConfigProto: TensorFlow's protobuf messages built and serialised on the protobuf Spark brings
        try (org.tensorflow.Graph g = new org.tensorflow.Graph();
             org.tensorflow.Session session = new org.tensorflow.Session(g, org.tensorflow.proto.ConfigProto.newBuilder()
                     .setAllowSoftPlacement(true).setIntraOpParallelismThreads(1).build())) {
            Ops tf = Ops.create(g);
            var product = tf.math.mul(tf.constant(3f), tf.constant(4f));
            try (TFloat32 r = (TFloat32) session.runner().fetch(product).run().get(0)) {
                assertEquals(12f, r.getFloat());
            }
            assertTrue(g.toGraphDef().getNodeCount() >= 3);
        }
        float[] x = {0, 1, 2, 3, 4, 5, 6, 7};
        DMatrix data = new DMatrix(x, 8, 1, Float.NaN);
        data.setLabel(new float[] {0, 2, 4, 6, 8, 10, 12, 14});
        Map<String, Object> params = new HashMap<>(Map.of("objective", "reg:squarederror", "max_depth", 2, "nthread", 1));
        Booster booster = XGBoost.train(data, params, 2, new HashMap<>(), null, null);
        float[][] predicted = booster.predict(data);
        assertTrue(predicted[7][0] > predicted[0][0]);
        booster.dispose();
        data.dispose();
    }
}
