package org.popcast.kernels.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Every index of the layout against a counter walking the nested arrays in row-major order. */
class CohortLayoutTest {

    private final CohortLayout layout = new CohortLayout(4, 3, 7);

    @Test
    void stateIsRowMajorRegionScenarioSexAge() {
        int i = 0;
        for (int l = 0; l < 4; l++) {
            for (int s = 0; s < 3; s++) {
                assertEquals(i, layout.offset(l, s));
                for (int sex = 0; sex < 2; sex++) {
                    for (int a = 0; a < 7; a++, i++) {
                        assertEquals(i, layout.index(l, s, sex, a));
                        assertEquals(i - layout.offset(l, s), layout.cell(sex, a));
                    }
                }
            }
        }
        assertEquals(i, layout.size());
        assertEquals(14, layout.cells());
        assertArrayEquals(new long[] {4, 3, 2, 7}, layout.stateShape());
    }

    @Test
    void flowsAreRowMajorRegionScenarioSex() {
        int i = 0, j = 0;
        for (int l = 0; l < 4; l++) {
            for (int s = 0; s < 3; s++, i++) {
                assertEquals(i, layout.series(l, s));
                for (int sex = 0; sex < 2; sex++, j++) {
                    assertEquals(j, layout.bySex(l, s, sex));
                }
            }
        }
        assertEquals(i, layout.seriesCount());
        assertArrayEquals(new long[] {4, 3, 1, 1}, layout.seriesShape());
    }

    @Test
    void ratesAreRowMajorRegionSexAgeAndRegionScenarioAge() {
        int i = 0, j = 0, k = 0;
        for (int l = 0; l < 4; l++) {
            assertEquals(i, layout.leafOffset(l));
            for (int sex = 0; sex < 2; sex++, j++) {
                assertEquals(j, layout.leafSex(l, sex));
                for (int a = 0; a < 7; a++, i++) {
                    assertEquals(i, layout.leafIndex(l, sex, a));
                }
            }
            for (int s = 0; s < 3; s++) {
                assertEquals(k, layout.fertilityOffset(l, s));
                for (int a = 0; a < 7; a++, k++) {
                    assertEquals(k, layout.fertilityIndex(l, s, a));
                }
            }
        }
        assertEquals(i, layout.leafSize());
        assertArrayEquals(new long[] {4, 1, 2, 7}, layout.leafShape());
    }

    @Test
    void leafLayoutIsTheStateOfOneScenario() {
        CohortLayout leaves = CohortLayout.ofLeaves(4, 7);
        for (int l = 0; l < 4; l++) {
            for (int sex = 0; sex < 2; sex++) {
                for (int a = 0; a < 7; a++) {
                    assertEquals(layout.leafIndex(l, sex, a), leaves.index(l, 0, sex, a));
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new CohortLayout(-1, 1, 1));
    }
}
