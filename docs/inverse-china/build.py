import csv
import sys
D=(sys.argv[1] if len(sys.argv) > 1 else '../../../shared/data').rstrip('/')+'/'
pop={}
for r in csv.DictReader(open(D+'china_census_single_age_sex_undata.csv')):
    a=r['age']
    try: a=int(a)
    except: continue
    pop.setdefault((int(r['year']),r['sex']),{})[a]=float(r['pop'])
def tsv(name):
    rows=list(csv.reader(open(D+'wpp2019_china/'+name),delimiter='\t'))
    return rows[0],rows[1:]
hF,mF=tsv('mxF.china.tsv'); hM,mM=tsv('mxM.china.tsv')
per='1990-1995'; ci=hF.index(per)
ages=[int(r[2]) for r in mF]
mids=[0.5 if a==0 else 3 if a==1 else (100 if a==100 else a+2.5) for a in ages]
mu=[(float(f[ci])+float(m[ci]))/2 for f,m in zip(mF,mM)]
hA,asfr=tsv('percentASFR.china.tsv'); hT,tfr=tsv('tfr.china.tsv')
T=float(tfr[0][hT.index(per)])
fa=[15];fv=[0]
for r in asfr:
    lo=int(r[2].split('-')[0]);
    f=sum(pop[(1990,'Female')][a] for a in range(lo,lo+5)); m=sum(pop[(1990,'Male')][a] for a in range(lo,lo+5))
    fa.append(lo+2.5); fv.append(T*float(r[hA.index(per)])/100/5*f/(f+m))
fa.append(50); fv.append(0)
both=lambda y:[pop[(y,'Female')][a]+pop[(y,'Male')][a] for a in range(100)]
p90=both(1990)
fmt=lambda xs:'['+', '.join('%.6g'%x for x in xs)+']'
open('china-1990.yaml','w').write(f'''# China 1990 census (both sexes, single ages 0-99) projected with UN WPP 2019 rates of 1990-1995
# (mx both sexes averaged, ASFR x female share of the 1990 census): built by build.py, docs/inverse.md
name: china-1990
description: "China, 1990 census (1 July) with WPP 2019 1990-1995 mortality and fertility held constant"
time: {{start: 1990.5, end: 2010.9}}
max_age: 100
ageing_speed: 1
fertility:
  shape:
    table: {{ages: {fmt(fa)}, values: {fmt(fv)}}}
mortality:
  table: {{ages: {fmt(mids)}, values: {fmt(mu)}}}
initial_density:
  table: {{ages: {fmt([a+0.5 for a in range(100)])}, values: {fmt(p90)}}}
''')
with open('census-2000-2010.csv','w') as o:
    o.write('year,age,density\n')
    for y,t in ((2000,2000.83),(2010,2010.83)):
        for a,v in enumerate(both(y)): o.write(f'{t},{a+0.5},{v:.0f}\n')
# WPP comparison: mean over 1990-2010 periods relative to 1990-1995
ps=['1990-1995','1995-2000','2000-2005','2005-2010']
print('TFR', [float(tfr[0][hT.index(p)]) for p in ps], 'mean/1990-95', sum(float(tfr[0][hT.index(p)]) for p in ps)/4/T)
rat=[]
for f,m,a in zip(mF,mM,ages):
    base=(float(f[ci])+float(m[ci]))/2
    avg=sum((float(f[hF.index(p)])+float(m[hF.index(p)]))/2 for p in ps)/4
    rat.append((a,avg/base))
print('mx ratio (mean 1990-2010 / 1990-95) by age', ' '.join('%d:%.3f'%x for x in rat))
