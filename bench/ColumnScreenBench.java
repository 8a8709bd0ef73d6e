// Times ColumnScreen.screen on a feature table: java -cp cli/target/popcast.jar bench/ColumnScreenBench.java data/src/main/resources/org/popcast/data/china_city_features/Wan_stage5.csv 5
import org.popcast.models.mobility.*;
import java.util.*;
public class ColumnScreenBench {
    public static void main(String[] a) throws Exception {
        FeatureTable ft = FeatureTableReader.read(java.nio.file.Path.of(a[0]));
        ColumnScreen.Settings s = new ColumnScreen.Settings(MobilitySettings.TARGET_DEFAULT, MobilitySettings.ID_DEFAULT, MobilitySettings.YEAR_DEFAULT,
                ColumnScreen.NAMED_DEFAULT, ColumnScreen.DEFINITION_DEFAULT, ColumnScreen.THRESHOLD_DEFAULT);
        Random r = new Random(1);
        boolean[] use = new boolean[ft.rowCount()];
        for (int i = 0; i < use.length; i++) use[i] = r.nextDouble() < 0.8;
        int reps = Integer.parseInt(a[1]);
        long[] ns = new long[reps];
        String result = null;
        for (int k = -1; k < reps; k++) {
            long t0 = System.nanoTime();
            ColumnScreen.Result res = ColumnScreen.screen(ft, s, use);
            if (k >= 0) ns[k] = System.nanoTime() - t0;
            result = res.toString();
        }
        Arrays.sort(ns);
        System.out.printf("screen (%d rows): median %.1f ms min %.1f max %.1f, result hash %08x%n", ft.rowCount(), ns[reps / 2] / 1e6, ns[0] / 1e6, ns[reps - 1] / 1e6, result.hashCode());
    }
}
