package org.popcast.kernels.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MigrantStockTest {

    @Test
    void stockByHand() {
        // 1000 non-migrant adults with share 0.8 plus 250 working-age migrants: A = 1250, w = 1050 / 1250 = 0.84
        assertEquals(250, MigrantStock.stock(1250, 0.84, 0.8), 1e-9);
        // 1000 adults with share 0.8 lose 200 working-age people: A = 800, w = 600 / 800 = 0.75
        assertEquals(-200, MigrantStock.stock(800, 0.75, 0.8), 1e-9);
        assertEquals(0, MigrantStock.stock(800, 0.8, 0.8), 0);
    }

    @Test
    void flowFromTheNationalFloatingPopulation() {
        // 2010 census communique no. 1: 261,386,075 persons away from their registration >= 6 months,
        // 116,995,327 more than in 2000: (116,995,327 / 10) / 261,386,075 = 0.044760 a year
        assertEquals(0.0447596, MigrantStock.flowPerStock(2000, 261_386_075 - 116_995_327, 2010, 261_386_075), 1e-7);
        assertThrows(IllegalArgumentException.class, () -> MigrantStock.flowPerStock(2010, 1, 2010, 2));
        assertThrows(IllegalArgumentException.class, () -> MigrantStock.stock(1, 0.5, 1));
    }
}
