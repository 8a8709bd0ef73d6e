"""Writes the 1-year CSV tables of tables.yaml (issue 17 part 3's case): python3 make_tables.py"""
import math

with open('mortality.csv', 'w') as f:
    f.write('age,value\n')
    for a in range(0, 101):
        f.write(f'{a},{0.0005 + 0.00003 * math.exp(0.095 * a):.8g}\n')
with open('asfr.csv', 'w') as f:
    f.write('age,value\n')
    for a in range(15, 51):
        v = 0 if a in (15, 50) else 0.11 * math.exp(-((a - 29) / 6.0) ** 2)
        f.write(f'{a},{v:.8g}\n')
with open('initial.csv', 'w') as f:
    f.write('age,value\n')
    for a in range(0, 101):
        f.write(f'{a},{1.2e7 * math.exp(-0.015 * a) * (1 + 0.2 * math.sin(0.15 * a)):.8g}\n')
