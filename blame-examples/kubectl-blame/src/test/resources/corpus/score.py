#!/usr/bin/env python3
"""Scores corpus cases: verdict (health) agreement and first-culprit agreement, as RealCaptureCorpusTest checks."""
import json, subprocess, sys, yaml, os
jar, root = sys.argv[1], sys.argv[2]
names = sys.argv[3:] or sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
hv = cv = 0
for n in names:
    d = os.path.join(root, n)
    want = yaml.safe_load(open(os.path.join(d, 'expected.yaml')))
    out = subprocess.run(['java', '-jar', jar, '-f', os.path.join(d, 'objects.yaml'), want['target'], '-n', want['namespace'], '-o', 'json'],
                         capture_output=True, text=True)
    try:
        got = json.loads(out.stdout)
    except Exception:
        print(f"{n}: NO JSON rc={out.returncode} {out.stderr[:300]}"); continue
    h = got.get('health') == want['health']
    c = want.get('culprit')
    cs = got.get('culprits', [])
    if c is None:
        cok = not cs
        gotc = cs[0] if cs else None
    else:
        gotc = cs[0] if cs else None
        cok = gotc is not None and (gotc['kind'], gotc['name'], gotc['reason']) == (c['kind'], c['name'], c['reason']) and c.get('message', '') in gotc.get('message', '')
    hv += h; cv += cok
    g = f"{gotc['kind']}/{gotc['name']} {gotc['reason']}: {gotc['message'][:160]}" if gotc else '-'
    print(f"{'OK ' if h else 'BAD'} {'OK ' if cok else 'BAD'} {n}: health {got.get('health')} (want {want['health']}); culprit {g}")
print(f"verdict {hv}/{len(names)}, first culprit {cv}/{len(names)}")
