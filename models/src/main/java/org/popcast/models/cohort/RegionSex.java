package org.popcast.models.cohort;

import java.util.Objects;

import org.popcast.kernels.cohort.Sex;

/**
 * The key of a rate table's values: a region code ({@value #EVERY_REGION} for every region) and a
 * sex, or no sex (null) in tables without a sex column (fertility, sex ratio at birth).
 */
public record RegionSex(String region, Sex sex) {

    /** The region code of rows that apply to every region. */
    public static final String EVERY_REGION = "*";

    public RegionSex {
        Objects.requireNonNull(region, "region");
    }

    /** The same sex in every region: the fallback of a region's own rows. */
    public RegionSex everyRegion() {
        return new RegionSex(EVERY_REGION, sex);
    }

    /** As in messages: {@code region|sex}, or the region alone. */
    @Override
    public String toString() {
        return sex == null ? region : region + "|" + sex;
    }
}
