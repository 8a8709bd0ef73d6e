package org.popcast.models.cohort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which projected regions (leaves) every region of an input sums: itself if projected, else the leaves below it. */
public final class RegionTree {

    private RegionTree() {
    }

    /** For each region of {@code in.regions()}, the indices of the leaves it sums (none: a region without data). */
    public static List<int[]> members(CohortInput in) {
        List<Region> regions = in.regions();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < regions.size(); i++) {
            index.put(regions.get(i).code(), i);
        }
        List<List<Integer>> lists = new ArrayList<>();
        regions.forEach(r -> lists.add(new ArrayList<>()));
        for (int l = 0; l < in.leafCount(); l++) {
            for (String at = in.leaf(l).code(); !at.isEmpty(); at = regions.get(index.get(at)).parent()) {
                lists.get(index.get(at)).add(l);
            }
        }
        return lists.stream().map(m -> m.stream().mapToInt(Integer::intValue).toArray()).toList();
    }
}
