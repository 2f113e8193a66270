#!/usr/bin/env python3
"""Build the indicator parts of the default data store (seeds/5x-*.ron) from the shared data CSVs.

What it writes (each file is a whole `Store` value holding only `indicators`):
  seeds/50-indicators-rd.ron        GERD and BERD as % of GDP, from shared/data/rd/rd_intensity.csv.
                                    One series per (economy, indicator, source): sources are never mixed.
                                    BERD rows computed by the shared-data build (GERD % GDP x business-
                                    performed share) are written with `derived: true` and a derivation.
  seeds/51-indicators-patents.ron   PCT applications by WIPO sector, from
                                    shared/data/patents/pct_applications_wipo_sectors.csv: per region and
                                    sector a count series and a share-of-world series. The share column is
                                    computed by shared/data/scripts/build_patents.py (100 x region / world,
                                    3 decimals), not published by NCSES, so share series are `derived: true`.
                                    Each series cites the NCSES table of its sector (SINV-11..16).
                                    The "European Patent Office" receiving-office rows are left out: NCSES
                                    already counts them inside EU-27, so they are not a separate economy.
                                    The world share of the world (always 100) is left out too.
  seeds/52-indicators-ati.ron       The four single R&D figures the EC ATI report on South Korea (June 2021)
                                    states in Section 2.1 (KOR GERD 4.64 %, EU27 2.1 %, KOR BERD 3.73 %,
                                    EU27 BERD 1.39 %, all 2019). They are typed in below (ATI_FIGURES) and
                                    cite the report; they are not read from a CSV.

Values are copied as the CSV text (no re-rounding, no float formatting), so a rerun reproduces the files
byte for byte. Order is fixed (ECONOMIES, SECTORS, source order below, then year).
Source ids refer to seeds/00-store.ron; keep them in step when editing either file.

Usage (from the repository root, or anywhere):
    python3 scripts/build_seed_indicators.py [--data /work/shared/data] [--out seeds]
Defaults: --data = <repo>/../shared/data, --out = <repo>/seeds. Needs only the Python standard library.
"""
import argparse
import csv
from collections import OrderedDict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Display order of economies (Korea first, then the EU, European partners, comparators, aggregates).
ECONOMIES = ['KOR', 'EUU', 'GBR', 'DNK', 'NLD', 'FIN', 'ESP', 'DEU', 'FRA', 'JPN', 'CHN', 'USA', 'IND', 'OED', 'WLD']

# ---- R&D intensity ---------------------------------------------------------------------------------------
S_WB = 'UNESCO UIS via World Bank WDI GB.XPD.RSDV.GD.ZS (Our World in Data export, 2024)'
S_M21 = 'OECD MSTI Sep-2021 via NSF NCSES S&E Indicators table SRD-1 (NCSES id 6293)'
S_M23 = 'OECD MSTI Sep-2023 via NSF NCSES S&E Indicators table SRD-1 (NCSES id 10978)'
S_B19 = 'Derived: OECD MSTI Sep-2021 GERD%GDP x business-performed share (NCSES tables 6293 SRD-1 and 6306 RD-7)'
S_B21 = 'Derived: OECD MSTI Sep-2023 GERD%GDP x business-performed share (NCSES tables 10978 SRD-1 and 10946 SRD-2)'
RD_CSV = 'shared/data/rd/rd_intensity.csv'

# Names the NCSES tables use for each economy (for citations).
NCSES_NAME = {'KOR': 'South Korea', 'EUU': 'EU-27', 'GBR': 'United Kingdom', 'DNK': 'Denmark', 'NLD': 'Netherlands',
              'FIN': 'Finland', 'ESP': 'Spain', 'DEU': 'Germany', 'FRA': 'France', 'JPN': 'Japan', 'CHN': 'China',
              'USA': 'United States', 'IND': 'India', 'OED': 'Total OECD', 'WLD': 'World'}

# source column -> (id suffix, label for names, derived?)
RD_SOURCES = OrderedDict([
    (S_M21, ('msti2021', 'OECD MSTI Sep-2021 via NCSES', False)),
    (S_M23, ('msti2023', 'OECD MSTI Sep-2023 via NCSES', False)),
    (S_WB, ('uis-wb', 'UNESCO UIS via World Bank / OWID', False)),
    (S_B19, ('derived-msti2021', 'derived from OECD MSTI Sep-2021 via NCSES', True)),
    (S_B21, ('derived-msti2023', 'derived from OECD MSTI Sep-2023 via NCSES', True)),
])
RD_INDICATORS = ['GERD_PCT_GDP', 'BERD_PCT_GDP']
RD_SHORT = {'GERD_PCT_GDP': 'GERD', 'BERD_PCT_GDP': 'BERD'}


def rd_citations(src, code, name, y0, y1):
    """Citations for one R&D series: the exact table(s) and the row or column used."""
    via = f'; read from {RD_CSV}'
    n = NCSES_NAME[code]
    if src == S_M21:
        return [('src-ncses-6293', f"Table SRD-1 (NCSES id 6293), GERD-to-GDP ratio block, column '{n}', {y0}–{y1}{via}")]
    if src == S_M23:
        return [('src-ncses-10978', f"Table SRD-1 (NCSES id 10978), row '{n}', GERD-to-GDP ratio (%), columns 1990/2000/2010/2021{via}")]
    if src == S_WB:
        return [('src-uis-wb-owid-rd', f"research-spending-gdp.csv (OWID grapher export), entity '{name}', {y0}–{y1}{via}")]
    if src == S_B19:
        return [('src-ncses-6293', f"Table SRD-1 (NCSES id 6293), GERD-to-GDP ratio, column '{n}', 2019{via}"),
                ('src-ncses-6306', f"Table RD-7 (NCSES id 6306), row '{n}', share of GERD by performing sector: Business, 2019")]
    if src == S_B21:
        return [('src-ncses-10978', f"Table SRD-1 (NCSES id 10978), row '{n}', GERD-to-GDP ratio (%), 2021{via}"),
                ('src-ncses-10946', f"Table SRD-2 (NCSES id 10946), row '{n}', share of GERD by performing sector: Business, 2021")]
    raise ValueError(src)


def rd_derivation(src):
    if src == S_B19:
        return ('BERD % of GDP = GERD % of GDP (NCSES table 6293, OECD MSTI Sep-2021) x share of GERD performed by the '
                'business sector in 2019 (NCSES table 6306, RD-7) / 100, rounded to 2 decimals; computed by '
                'shared/data/scripts/build_rd.py.')
    if src == S_B21:
        return ('BERD % of GDP = GERD % of GDP (NCSES table 10978, OECD MSTI Sep-2023) x share of GERD performed by the '
                'business sector in 2021 (NCSES table 10946, SRD-2) / 100, rounded to 2 decimals; computed by '
                'shared/data/scripts/build_rd.py. Shares flagged with another year were not used.')
    return None


def rd_caveat(src, code, years):
    parts = []
    if src == S_M21:
        parts.append('Values recovered from an NCSES re-publication that lost its column labels; the economy of each '
                     'column was inferred from the values and checked against known figures (see the source note).')
        if code == 'DEU' and min(years) <= 1990:
            parts.append('1981–1990 values are for West Germany (NCSES table note).')
        if code == 'JPN':
            parts.append('Values from 1996 on may not be consistent with earlier years because of methodological '
                         'changes (NCSES table note).')
    if src == S_M23:
        parts.append('NCSES tabulates only 1990, 2000, 2010 and 2021; the 2021 column is footnoted and some values '
                     'are preliminary.')
    if src in (S_M21, S_M23) and code == 'USA':
        parts.append("US GERD follows international standards and differs slightly from NSF's US total R&D (NCSES "
                     'table note).')
    if src == S_WB:
        parts.append('UNESCO UIS data via the World Bank as exported by Our World in Data (2024), rounded to 3 '
                     'decimals; may differ slightly from OECD MSTI for the same year — do not mix with the MSTI '
                     'series in one line.')
    if src in (S_B19, S_B21):
        parts.append('Not a published BERD figure: computed by the shared-data curators from two NCSES tables, '
                     'rounded to 2 decimals.')
        if code == 'DEU':
            parts.append("Germany's nonprofit sector is counted with other performing sectors in the NCSES sector "
                         'table.')
    return ' '.join(parts) if parts else None


def build_rd(data):
    groups = OrderedDict()
    for r in csv.DictReader(open(data / 'rd' / 'rd_intensity.csv', newline='', encoding='utf-8')):
        key = (r['country_code'], r['indicator'], r['source'])
        groups.setdefault(key, {'name': r['country_name'], 'points': []})['points'].append((int(r['year']), r['value']))
    unknown = {k for k in groups if k[0] not in ECONOMIES or k[1] not in RD_INDICATORS or k[2] not in RD_SOURCES}
    if unknown:
        raise SystemExit(f'unexpected rows in rd_intensity.csv: {sorted(unknown)}')
    order = sorted(groups, key=lambda k: (RD_INDICATORS.index(k[1]), ECONOMIES.index(k[0]), list(RD_SOURCES).index(k[2])))
    series = []
    for code, ind, src in order:
        g = groups[(code, ind, src)]
        pts = sorted(g['points'])
        years = [y for y, _ in pts]
        suffix, label, derived = RD_SOURCES[src]
        series.append(OrderedDict([
            ('id', f'{RD_SHORT[ind].lower()}-{code.lower()}-{suffix}'),
            ('name', f"{RD_SHORT[ind]}, % of GDP — {g['name']} ({label})"),
            ('indicator', ind),
            ('unit', '% of GDP'),
            ('economy', code),
            ('economy_name', g['name']),
            ('derived', derived),
            ('derivation', rd_derivation(src)),
            ('caveat', rd_caveat(src, code, years)),
            ('points', pts),
            ('sources', rd_citations(src, code, g['name'], years[0], years[-1])),
        ]))
    return series


# ---- Patents ---------------------------------------------------------------------------------------------
PAT_CSV = 'shared/data/patents/pct_applications_wipo_sectors.csv'
SECTORS = OrderedDict([  # sector -> (NCSES id, table number, id slug)
    ('All fields', ('10558', 'SINV-11', 'all-fields')),
    ('Chemistry', ('10559', 'SINV-12', 'chemistry')),
    ('Electrical engineering', ('10560', 'SINV-13', 'electrical-engineering')),
    ('Instruments', ('10561', 'SINV-14', 'instruments')),
    ('Mechanical engineering', ('10562', 'SINV-15', 'mechanical-engineering')),
    ('Other fields', ('10563', 'SINV-16', 'other-fields')),
])
SKIP_REGIONS = {'EPO'}  # receiving office, already counted in EU-27 by NCSES


def pat_caveat(code, share):
    parts = ['Counts by publication year of the PCT application; countries are assigned by receiving office '
             "(roughly the inventors' location). NCSES fractional counts are rounded to whole applications in the "
             'shared CSV.']
    if share:
        parts = ['Share computed from NCSES fractional counts before rounding (see derivation); publication years; '
                 'countries assigned by receiving office.']
    if code == 'EUU':
        parts.append('EU-27 includes applications filed at the European Patent Office as receiving office, so some '
                     'UK and other non-EU EPC filings are counted here.')
    if code == 'CHN':
        parts.append('China includes Hong Kong.')
    if code == 'WLD':
        parts.append('The world total is the sum of the individual countries (NCSES).')
    return ' '.join(parts)


def build_patents(data):
    groups = OrderedDict()
    for r in csv.DictReader(open(data / 'patents' / 'pct_applications_wipo_sectors.csv', newline='', encoding='utf-8')):
        if r['region_code'] in SKIP_REGIONS:
            continue
        key = (r['region_code'], r['wipo_sector'])
        g = groups.setdefault(key, {'name': r['region_name'], 'apps': [], 'share': []})
        y = int(r['year'])
        if r['pct_applications'] != '':
            g['apps'].append((y, r['pct_applications']))
        if r['share_of_world_pct'] != '':
            g['share'].append((y, r['share_of_world_pct']))
    unknown = {k for k in groups if k[0] not in ECONOMIES or k[1] not in SECTORS}
    if unknown:
        raise SystemExit(f'unexpected rows in the patents CSV: {sorted(unknown)}')
    order = sorted(groups, key=lambda k: (list(SECTORS).index(k[1]), ECONOMIES.index(k[0])))
    series = []
    for kind in ('apps', 'share'):
        for code, sector in order:
            if kind == 'share' and code == 'WLD':
                continue
            g = groups[(code, sector)]
            tid, tno, slug = SECTORS[sector]
            pts = sorted(g[kind])
            if not pts:
                continue
            row = NCSES_NAME[code]
            at = f"Table {tno} (NCSES id {tid}), row '{row}', {pts[0][0]}–{pts[-1][0]}; read from {PAT_CSV}"
            if kind == 'apps':
                series.append(OrderedDict([
                    ('id', f'pct-apps-{code.lower()}-{slug}'),
                    ('name', f"PCT applications, {sector} — {g['name']} (NCSES {tno})"),
                    ('indicator', 'PCT_APPLICATIONS'),
                    ('unit', 'applications'),
                    ('economy', code),
                    ('economy_name', g['name']),
                    ('field', sector),
                    ('derived', False),
                    ('derivation', None),
                    ('caveat', pat_caveat(code, False)),
                    ('points', pts),
                    ('sources', [(f'src-ncses-{tid}', at)]),
                ]))
            else:
                series.append(OrderedDict([
                    ('id', f'pct-share-{code.lower()}-{slug}'),
                    ('name', f"Share of world PCT applications, {sector} — {g['name']} (derived from NCSES {tno})"),
                    ('indicator', 'PCT_SHARE_WORLD'),
                    ('unit', '% of world PCT applications'),
                    ('economy', code),
                    ('economy_name', g['name']),
                    ('field', sector),
                    ('derived', True),
                    ('derivation', f"100 x the economy's PCT applications / world PCT applications ('World' row of the "
                                   f'same table), same WIPO sector ({sector}) and publication year, using the NCSES '
                                   'fractional counts before rounding; rounded to 3 decimals by '
                                   'shared/data/scripts/build_patents.py. The NCSES tables give counts only, not this share.'),
                    ('caveat', pat_caveat(code, True)),
                    ('points', pts),
                    ('sources', [(f'src-ncses-{tid}', at + f"; world total from row 'World' of the same table")]),
                ]))
    return series


# ---- Single figures stated in the ATI report -------------------------------------------------------------
ATI_AT = ("Section 2.1 'Overview and policy context', paragraph on R&D investment ('according to OECD', "
          "footnote 9: OECD, Main science and technology indicators database, 2021)")
ATI_FIGURES = [  # (id, indicator, economy, economy_name, year, value as printed, caveat)
    ('gerd-kor-ati2021', 'GERD_PCT_GDP', 'KOR', 'South Korea', 2019, '4.64',
     "Single figure quoted in the report's text ('gross domestic research spending'), attributed to OECD MSTI 2021. "
     'Same value as series gerd-kor-msti2021 for 2019; series gerd-kor-uis-wb (UNESCO UIS via World Bank) has a '
     'slightly different 2019 value.'),
    ('gerd-euu-ati2021', 'GERD_PCT_GDP', 'EUU', 'European Union (27)', 2019, '2.1',
     "Quoted with one decimal ('2.1% in the EU27'), attributed to OECD MSTI 2021. Compare series gerd-euu-msti2021 "
     '(2019, two decimals) and gerd-euu-uis-wb (UNESCO UIS via World Bank), which differ from each other.'),
    ('berd-kor-ati2021', 'BERD_PCT_GDP', 'KOR', 'South Korea', 2019, '3.73',
     "The report calls this 'private research investment'; it is stored as business enterprise R&D (BERD) as % of "
     'GDP. Series berd-kor-derived-msti2021 (computed from NCSES tables, not published) gives the same 2019 value.'),
    ('berd-euu-ati2021', 'BERD_PCT_GDP', 'EUU', 'European Union (27)', 2019, '1.39',
     "The report calls this 'private research investment'; stored as BERD % of GDP. The shared data hold no 2019 "
     'EU-27 BERD figure to compare (only a derived 2021 value, series berd-euu-derived-msti2023).'),
]


def build_ati():
    series = []
    for sid, ind, code, name, year, value, caveat in ATI_FIGURES:
        series.append(OrderedDict([
            ('id', sid),
            ('name', f'{RD_SHORT[ind]}, % of GDP — {name} (as stated in the EC ATI report on South Korea, 2021)'),
            ('indicator', ind),
            ('unit', '% of GDP'),
            ('economy', code),
            ('economy_name', name),
            ('derived', False),
            ('derivation', None),
            ('caveat', caveat),
            ('points', [(year, value, '% of GDP')]),
            ('sources', [('src-ati-korea-2021', ATI_AT)]),
        ]))
    return series


# ---- RON output ------------------------------------------------------------------------------------------
def q(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def ron_series(s):
    out = ['        (']
    for k in ('id', 'name', 'indicator', 'unit', 'economy', 'economy_name'):
        out.append(f'            {k}: {q(s[k])},')
    if s.get('field'):
        out.append(f"            field: {q(s['field'])},")
    if s['derived']:
        out.append('            derived: true,')
        out.append(f"            derivation: {q(s['derivation'])},")
    if s['caveat']:
        out.append(f"            caveat: {q(s['caveat'])},")
    out.append('            points: [')
    for p in s['points']:
        if len(p) == 3:
            out.append(f'                (year: {p[0]}, value: {p[1]}, unit: {q(p[2])}),')
        else:
            out.append(f'                (year: {p[0]}, value: {p[1]}),')
    out.append('            ],')
    out.append('            sources: [')
    for src, at in s['sources']:
        out.append(f'                (source: {q(src)}, at: {q(at)}),')
    out.append('            ],')
    out.append('        ),')
    return '\n'.join(out)


def write(path, comment, series):
    ids = [s['id'] for s in series]
    assert len(ids) == len(set(ids)), 'duplicate ids'
    for s in series:
        for p in s['points']:
            float(p[1])  # every value must be a plain number
    text = ('#![enable(implicit_some)]\n'
            '// GENERATED by scripts/build_seed_indicators.py — do not edit by hand; rerun the script.\n'
            f'// {comment}\n'
            '(\n    format_version: 1,\n    indicators: [\n'
            + '\n'.join(ron_series(s) for s in series)
            + '\n    ],\n)\n')
    path.write_text(text, encoding='utf-8')
    print(f'{path}: {len(series)} series, {sum(len(s["points"]) for s in series)} points')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--data', type=Path, default=REPO.parent / 'shared' / 'data', help='shared/data folder')
    ap.add_argument('--out', type=Path, default=REPO / 'seeds', help='seeds folder to write into')
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    write(a.out / '50-indicators-rd.ron',
          'R&D intensity (GERD, BERD % of GDP) from shared/data/rd/rd_intensity.csv; one series per economy, indicator and source.',
          build_rd(a.data))
    write(a.out / '51-indicators-patents.ron',
          'PCT applications by WIPO sector from shared/data/patents/pct_applications_wipo_sectors.csv (NCSES SINV-11..16).',
          build_patents(a.data))
    write(a.out / '52-indicators-ati.ron',
          'Single R&D figures stated in the EC ATI report on South Korea (June 2021), Section 2.1.',
          build_ati())


if __name__ == '__main__':
    main()
