#!/usr/bin/env python3
"""Builds popcast's embedded cohort-component inputs from ../shared/data (standard library only).

    python3 data/tools/make_cohort_defaults.py /path/to/shared/data

writes data/src/main/resources/org/popcast/data/cohort/{china-national,china-cities}/.
What each file is and how it was derived: data/README.md. Nothing here looks at 2020 values
except observed-2020.csv and observed-2020-ages.csv, which only `popcast cohort validate` and
`popcast cohort hindcast` read.
"""
import csv
import math
import os
import sys

SHARED = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
OUT = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "org", "popcast", "data", "cohort")
AGES = list(range(101))  # 0..99 single years, 100 = open group 100+


def tsv(name):
    with open(os.path.join(SHARED, "wpp2019_china", name)) as f:
        rows = list(csv.reader(f, delimiter="\t"))
    return rows[0], rows[1:]


def write(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def fmt(x):
    return f"{x:.10g}"


# --- national 2010 census by single age and sex (UN Statistics Division export) ---
census = {"F": [0.0] * 101, "M": [0.0] * 101}
with open(os.path.join(SHARED, "china_census_single_age_sex_undata.csv")) as f:
    for r in csv.DictReader(f):
        if r["year"] == "2010":
            census[r["sex"][0]][int(r["age"])] = float(r["pop"])
assert abs(sum(census["M"]) - 682329104) < 1 and abs(sum(census["F"]) - 650481765) < 1

# --- WPP 2019 rates for the periods 2010-2015 and 2015-2020 (rows for years 2010 and 2015) ---
PERIODS = {"2010-2015": 2010, "2015-2020": 2015}


def mortality_rows():
    rows = []
    for sex in "FM":
        h, data = tsv(f"mx{sex}.china.tsv")
        groups = [int(r[2]) for r in data]
        for period, year in PERIODS.items():
            j = h.index(period)
            mx = [float(r[j]) for r in data]
            for age in AGES:
                # the abridged group (0, 1-4, 5-9, ..., 100+) holding this single age: m_x constant within it
                g = max(i for i, lo in enumerate(groups) if lo <= age)
                rows.append(["*", year, sex, age, fmt(mx[g])])
    return rows


def fertility_rows():
    h, data = tsv("percentASFR.china.tsv")
    th, tdata = tsv("tfr.china.tsv")
    rows = []
    for period, year in PERIODS.items():
        tfr = float(tdata[0][th.index(period)])
        for r in data:
            lo = int(r[2].split("-")[0])
            rate = tfr * float(r[h.index(period)]) / 100 / 5  # per woman per year, same for each single age of the group
            for age in range(lo, lo + 5):
                rows.append(["*", year, age, fmt(rate)])
    return rows


def srb_rows():
    h, data = tsv("sexRatio.china.tsv")
    return [["*", year, data[0][h.index(period)]] for period, year in PERIODS.items()]


def migration_profile(weights_pop):
    # Rogers-Castro model schedule with the textbook parameters of Rogers and Castro (1981):
    # a1 = 0.02, alpha1 = 0.1, a2 = 0.06, mu2 = 20, alpha2 = 0.1, lambda2 = 0.4, c = 0.003,
    # scaled so that the schedule averages 1 over the 2010 national population (a rate r times
    # the profile moves r of a population with the national age structure).
    def m(x):
        return 0.02 * math.exp(-0.1 * x) + 0.06 * math.exp(-0.1 * (x - 20) - math.exp(-0.4 * (x - 20))) + 0.003
    total = sum(weights_pop)
    mean = sum(m(a + 0.5) * weights_pop[a] for a in AGES) / total
    return [m(a + 0.5) / mean for a in AGES]


def projection_yaml(internal):
    text = """# popcast cohort-component projection settings (formats.md); provenance in data/README.md
base_year: 2010
step: 1
horizon: 90
migration_timing: even
scenarios: builtin:%s
# net international migration per person per year (WPP 2005-2015, as the source paper): constant to 2050,
# then down to zero by 2100
international_migration:
  rate: -0.0003015
  path: [[2050, 1.0], [2100, 0.0]]
# life expectancy at birth +1 year per decade from 2020 (before: the input's WPP 2019 rates)
mortality_improvement:
  from: 2020
  e0_gain_per_decade: 1.0
# sex ratio at birth: the input's WPP 2019 values until 2020, then to 1.07 by 2050 (source paper)
srb_path: [[2020, 1.11], [2050, 1.07]]
# the latest year of any data these files use: the rates are UN WPP 2019 estimates (published 2019)
data_through: 2019
""" % ("paper-5x3" if internal else "paper-fertility")
    if internal:
        text += """# each city's fertility and mortality at its own level (docs/cohort.md): fertility by the child-woman
# ratio of its 2010 base population, mortality by a Brass logit to its province's 2000-census life
# expectancy relative to the nation's (data dated 2000)
rates: city
life_expectancy: life_expectancy.csv
# each city's internal net migration estimated from its 2010 age structure (docs/cohort.md): its working-age
# excess among adults as a net migrant stock, times the yearly growth of the national migrant stock
# (persons away from their place of registration for 6 months or more, 2010 census communique no. 1:
# 261,386,075 in 2010, 116,995,327 more than in 2000). The rates file below serves migration: tiers.
migration: estimated
migrant_stock: [[2000, 144390748], [2010, 261386075]]
internal_migration:
  rates: internal_migration.csv
  age_profile: migration_age_profile.csv
  # source paper: migration of small (< 3 M) cities reduced by 50 % before 2020 and 90 %% after;
  # middle (3-5 M) cities by 50 %% and 75 %%
  size_factors:
    small_below: 3000000
    middle_below: 5000000
    switch_year: 2020
    small: [0.5, 0.1]
    middle: [0.5, 0.25]
""".replace("%%", "%")
    return text


def common(folder, internal):
    write(os.path.join(folder, "mortality.csv"), ["region", "year", "sex", "age", "mx"], mortality_rows())
    write(os.path.join(folder, "fertility.csv"), ["region", "year", "age", "rate"], fertility_rows())
    write(os.path.join(folder, "srb.csv"), ["region", "year", "srb"], srb_rows())
    with open(os.path.join(folder, "projection.yaml"), "w") as f:
        f.write(projection_yaml(internal))


# ---------------- (a) the nation ----------------
nat = os.path.join(OUT, "china-national")
write(os.path.join(nat, "population.csv"), ["region", "sex", "age", "population"],
      [["CN", s, a, fmt(census[s][a])] for s in "FM" for a in AGES])
write(os.path.join(nat, "regions.csv"), ["region", "name", "parent", "level", "cap"], [["CN", "China", "", "nation", ""]])
common(nat, False)
write(os.path.join(nat, "observed-2020.csv"), ["region", "population"], [["CN", 1409778724]])

# ---------------- (b) cities, provinces, nation ----------------
PROVINCE_EN = {"110000": "Beijing", "120000": "Tianjin", "130000": "Hebei", "140000": "Shanxi", "150000": "Nei Mongol",
               "210000": "Liaoning", "220000": "Jilin", "230000": "Heilongjiang", "310000": "Shanghai", "320000": "Jiangsu",
               "330000": "Zhejiang", "340000": "Anhui", "350000": "Fujian", "360000": "Jiangxi", "370000": "Shandong",
               "410000": "Henan", "420000": "Hubei", "430000": "Hunan", "440000": "Guangdong", "450000": "Guangxi",
               "460000": "Hainan", "500000": "Chongqing", "510000": "Sichuan", "520000": "Guizhou", "530000": "Yunnan",
               "540000": "Xizang", "610000": "Shaanxi", "620000": "Gansu", "630000": "Qinghai", "640000": "Ningxia Hui",
               "650000": "Xinjiang Uygur"}
EAST = {"110000", "120000", "130000", "210000", "310000", "320000", "330000", "350000", "370000", "440000", "460000"}
MUNICIPALITIES = {"110000", "120000", "310000", "500000"}
TIER1 = {"110100", "310100", "440100", "440300"}
SUB_PROVINCIAL = {"210200", "370200", "330200", "350200"}
CAPS = {"110100": 23000000, "310100": 25000000}  # Beijing (source paper), Shanghai (master plan 2035)
RATE = {"east": 0.003, "middle-west": -0.002, "tier1": 0.010, "tier2": 0.006, "tier3": 0.0, "tier4": -0.004}

with open(os.path.join(SHARED, "china_city_census_2010_2020_leiii.csv"), encoding="utf-8") as f:
    cities = [r for r in csv.DictReader(f) if r["popu_2010"] and r["province_code"] in PROVINCE_EN]

nat_total = sum(census["F"]) + sum(census["M"])
BROAD = [(0, 14), (15, 59), (60, 100)]
nat_broad = [sum(census[s][a] for s in "FM" for a in range(lo, hi + 1)) / nat_total for lo, hi in BROAD]
nat_sr = 100 * sum(census["M"]) / sum(census["F"])

pop_rows, region_rows, rate_rows, observed = [], [["CN", "China", "", "nation", ""]], [], [["CN", 1409778724]]
AGE_2020 = ["age_0_14_2020", "age_15_59_2020", "age_60_2020", "age_65_2020"]
observed_ages = []
with open(os.path.join(SHARED, "china_province_census_2020_communique3.csv")) as f:
    prov2020 = {r["province"]: int(r["pop_2020_census"]) for r in csv.DictReader(f)}
for code, en in PROVINCE_EN.items():
    zh = next(c["province"] for c in cities if c["province_code"] == code)
    region_rows.append([code, zh, "CN", "province", ""])
    observed.append([code, prov2020[en]])
    if code not in MUNICIPALITIES:
        group = "east" if code in EAST else "middle-west"
        rate_rows.append([code, fmt(RATE[group]), group])
for c in cities:
    code, total = c["city_code"], float(c["popu_2010"])
    shares = [float(c["age_0_14_2010"]), float(c["age_15_59_2010"]), float(c["age_60_2010"])]
    shares = [s / sum(shares) for s in shares]
    sr = float(c["male_female_2010"]) if c["male_female_2010"] else nat_sr  # Siping lacks it: national value
    # national single-age profile, raked (iterative proportional fitting) to the city's broad age shares and sex ratio
    p = {s: [census[s][a] / nat_total * total for a in AGES] for s in "FM"}
    for _ in range(50):
        for (lo, hi), share in zip(BROAD, shares):
            k = share * total / sum(p[s][a] for s in "FM" for a in range(lo, hi + 1))
            for s in "FM":
                for a in range(lo, hi + 1):
                    p[s][a] *= k
        for s, target in (("M", total * sr / (100 + sr)), ("F", total * 100 / (100 + sr))):
            k = target / sum(p[s])
            p[s] = [v * k for v in p[s]]
    pop_rows += [[code, s, a, fmt(p[s][a])] for s in "FM" for a in AGES]
    region_rows.append([code, c["city"], c["province_code"], "city", CAPS.get(code, "")])
    if c["popu_2020"]:
        observed.append([code, int(float(c["popu_2020"]))])
    if all(c[k] for k in AGE_2020):
        observed_ages.append([code] + [c[k] for k in AGE_2020])
    tier = ("tier1" if code in TIER1 else
            "tier2" if code.endswith("0100") or code in SUB_PROVINCIAL else
            "tier3" if total >= 5e6 else "tier4")
    rate_rows.append([code, fmt(RATE[tier]), tier])

cit = os.path.join(OUT, "china-cities")
write(os.path.join(cit, "population.csv"), ["region", "sex", "age", "population"], pop_rows)
write(os.path.join(cit, "regions.csv"), ["region", "name", "parent", "level", "cap"], region_rows)
write(os.path.join(cit, "internal_migration.csv"), ["region", "rate", "group"], rate_rows)
profile = migration_profile([census["F"][a] + census["M"][a] for a in AGES])
write(os.path.join(cit, "migration_age_profile.csv"), ["sex", "age", "weight"],
      [[s, a, fmt(profile[a])] for s in "FM" for a in AGES])
write(os.path.join(cit, "observed-2020.csv"), ["region", "population"], observed)
write(os.path.join(cit, "observed-2020-ages.csv"), ["region", "age_0_14", "age_15_59", "age_60_plus", "age_65_plus"],
      observed_ages)
# national census totals (the 31 provinces without servicemen) dated <= 2010, for the hindcast's national-rate baseline
census_totals = {}
with open(os.path.join(SHARED, "china_census_single_age_sex_undata.csv")) as f:
    for r in csv.DictReader(f):
        census_totals[r["year"]] = census_totals.get(r["year"], 0.0) + float(r["pop"])
write(os.path.join(cit, "census-national.csv"), ["year", "population"],
      [[y, int(round(census_totals[y]))] for y in sorted(census_totals)])
# life expectancy at birth in 2000 by province and sex (2000 census, adjusted by the annual sample surveys):
# China Statistical Yearbook 2009, table 3-6 "Population Life Expectancy by Region" (stats.gov.cn); (total, male, female)
LIFE_EXPECTANCY_2000 = {
    "CN": (71.40, 69.63, 73.33), "110000": (76.10, 74.33, 78.01), "120000": (74.91, 73.31, 76.63),
    "130000": (72.54, 70.68, 74.57), "140000": (71.65, 69.96, 73.57), "150000": (69.87, 68.29, 71.79),
    "210000": (73.34, 71.51, 75.36), "220000": (73.10, 71.38, 75.04), "230000": (72.37, 70.39, 74.66),
    "310000": (78.14, 76.22, 80.04), "320000": (73.91, 71.69, 76.23), "330000": (74.70, 72.50, 77.21),
    "340000": (71.85, 70.18, 73.59), "350000": (72.55, 70.30, 75.07), "360000": (68.95, 68.37, 69.32),
    "370000": (73.92, 71.70, 76.26), "410000": (71.54, 69.67, 73.41), "420000": (71.08, 69.31, 73.02),
    "430000": (70.66, 69.05, 72.47), "440000": (73.27, 70.79, 75.93), "450000": (71.29, 69.07, 73.75),
    "460000": (72.92, 70.66, 75.26), "500000": (71.73, 69.84, 73.89), "510000": (71.20, 69.25, 73.39),
    "520000": (65.96, 64.54, 67.57), "530000": (65.49, 64.24, 66.89), "540000": (64.37, 62.52, 66.15),
    "610000": (70.07, 68.92, 71.30), "620000": (67.47, 66.77, 68.26), "630000": (66.03, 64.55, 67.70),
    "640000": (70.17, 68.71, 71.84), "650000": (67.41, 65.98, 69.14),
}
write(os.path.join(cit, "life_expectancy.csv"), ["region", "year", "sex", "e0"],
      [[r, 2000, sex, f"{v[1 if sex == 'M' else 2]:.2f}"] for r, v in LIFE_EXPECTANCY_2000.items() for sex in "FM"])
common(cit, True)
print(f"{len(cities)} cities, {len(PROVINCE_EN)} provinces, base total {sum(float(c['popu_2010']) for c in cities):.0f}")
