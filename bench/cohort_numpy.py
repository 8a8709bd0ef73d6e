#!/usr/bin/env python3
"""The cohort bench workload's step in NumPy, to run beside `popcast cohort bench` (issue 17).

Same layout and sizes as the bench ([L][S][2][A] float64, 400 regions x 15 scenarios x 2 sexes
x 101 ages, 90 one-year steps, every year kept) and CohortStep's equations with even migration
timing. Like the issue's reference it does no migration balancing (migrants are a rate times the
population), so it does strictly less work than popcast. Rates are random but fixed (seed 17);
only the time matters. Prints median, min and max seconds of --repeat runs after one warm-up.
"""
import argparse
import time

import numpy as np


def project(pop0, surv, bsurv, fert, mig_rate, female_share, steps, n=1.0):
    years = [pop0]
    p = pop0
    for _ in range(steps):
        m = n * mig_rate * p
        start = p + 0.5 * m
        nxt = np.empty_like(p)
        nxt[..., 1:-1] = surv[..., :-2] * start[..., :-2]
        nxt[..., -1] = surv[..., -2] * start[..., -2] + surv[..., -1] * start[..., -1]
        w_end = nxt[:, :, 0, :].copy()
        w_end[..., 0] = 0
        w_end += 0.5 * m[:, :, 0, :]
        births = n * np.einsum('lsa,lsa->ls', fert, (start[:, :, 0, :] + w_end) * 0.5)
        nxt[:, :, 0, 0] = births * female_share * bsurv[:, :, 0]
        nxt[:, :, 1, 0] = births * (1 - female_share) * bsurv[:, :, 1]
        nxt += 0.5 * m
        years.append(nxt)
        p = nxt
    return years


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--regions', type=int, default=400)
    ap.add_argument('--scenarios', type=int, default=15)
    ap.add_argument('--ages', type=int, default=101)
    ap.add_argument('--steps', type=int, default=90)
    ap.add_argument('--repeat', type=int, default=5)
    a = ap.parse_args()
    rng = np.random.default_rng(17)
    L, S, A = a.regions, a.scenarios, a.ages
    pop0 = rng.uniform(1e3, 1e5, (L, S, 2, A))
    surv = rng.uniform(0.9, 1.0, (L, 1, 2, A))
    bsurv = rng.uniform(0.97, 0.99, (L, 1, 2))
    fert = rng.uniform(0, 0.1, (L, S, A))
    mig_rate = rng.uniform(-0.01, 0.01, (L, 1, 2, A))
    seconds = []
    for run in range(a.repeat + 1):
        t = time.perf_counter()
        years = project(pop0, surv, bsurv, fert, mig_rate, 1 / 2.05, a.steps)
        if run > 0:
            seconds.append(time.perf_counter() - t)
        del years
    seconds.sort()
    med = seconds[len(seconds) // 2] if len(seconds) % 2 else sum(seconds[len(seconds) // 2 - 1:len(seconds) // 2 + 1]) / 2
    cells = L * S * 2 * A * a.steps
    print(f"numpy {np.__version__}: median {med:.3f} s, min {seconds[0]:.3f}, max {seconds[-1]:.3f}, {cells / med:.3g} cell-years/s")


if __name__ == '__main__':
    main()
