"""Expands the hand-written per-query rules (rules.tsv) into graded judgements per offering.

Grades (see docs/education-search.md): 3 = the offering's own title (fi/sv/en names of the record,
not the long lists of degree titles a programme may lead to) names the target and it is at the
level the query asks for (a bachelor's-level programme or a qualification unless the rule allows
master's programmes); 2 = the own title names the target at another level (ylempi AMK, master's,
doctoral) or a qualification unit of a matching qualification; 1 = only the degree titles a record
leads to name the target. Everything not listed is 0.

Usage: python3 judge.py ../../../shared/data/education > relevance-judgements.tsv
"""
import glob, json, os, re, sys

data = sys.argv[1]
offerings = []  # (source, source_id, own_title, other_names, kind)
for line in open(os.path.join(data, 'konfo-2023-01-18.jsonl'), encoding='utf-8'):
    d = json.loads(line)
    own = ' | '.join(v for v in (d.get('nimi') or {}).values() if v)
    other = []
    for key in ('koulutukset', 'tutkintonimikkeet'):
        for item in d.get(key) or []:
            other += [v for v in (item.get('nimi') or {}).values() if v]
    offerings.append(('konfo', d['oid'], own, ' | '.join(other), 'PROGRAMME'))
for path in sorted(glob.glob(os.path.join(data, 'eperusteet', '*.json'))):
    d = json.load(open(path, encoding='utf-8'))
    if isinstance(d, list):
        for badge in d:
            title = ' | '.join(v for k, v in badge['nimi'].items() if k in ('fi', 'sv', 'en') and v != '-')
            offerings.append(('osaamismerkit', badge.get('koodiUri') or str(badge['id']), title, '', 'BADGE'))
        continue
    qid = 'peruste/%s' % d['id']
    names = dict(d['nimi'])
    names.update({'en': ((d.get('koulutukset') or [{}])[0].get('nimi') or {}).get('en', '')})
    title = ' | '.join(v for k, v in names.items() if k in ('fi', 'sv', 'en') and v)
    titles = ' | '.join(v for t in d.get('tutkintonimikkeet') or [] for v in (t.get('nimi') or {}).values() if v)
    offerings.append(('eperusteet', qid, title, titles, 'QUALIFICATION'))
    for unit in d['tutkinnonOsat']:
        utitle = ' | '.join(v for k, v in (unit.get('nimi') or {}).items() if k in ('fi', 'sv', 'en') and v)
        offerings.append(('eperusteet', '%s/osa/%s' % (qid, unit['id']), utitle, title, 'UNIT'))

HIGHER = re.compile(r'ylempi|master|maisteri|tohtori|doktor|doctoral|högre|\(2 ?v\)|2 år', re.I)
print('query_id\tlanguage\tquery\tsource\tsource_id\tgrade\ttitle')
rules = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'rules.tsv')
for line in open(rules, encoding='utf-8'):
    if line.startswith('#') or not line.strip():
        continue
    qid, lang, query, pattern, higher_ok = line.rstrip('\n').split('\t')
    target = re.compile(pattern, re.I)
    for source, sid, own, other, kind in offerings:
        grade = 0
        if target.search(own):
            if kind == 'UNIT':
                grade = 2
            elif HIGHER.search(own) and higher_ok != '1':
                grade = 2
            else:
                grade = 3
        elif target.search(other):
            grade = 2 if kind == 'UNIT' else 1
        if grade:
            print('\t'.join([qid, lang, query, source, sid, str(grade), ' '.join(own.split())[:120]]))
