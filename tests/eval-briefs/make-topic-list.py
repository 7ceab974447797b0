#!/usr/bin/env python3
"""Writes the topic list a blind FAQ-set writer is given: what each credential and FAQ entry is about and what the
knowledge does not hold, from dialogs/knowledge.yaml and knowledge.en.yaml. It deliberately leaves out the
alternatives (phrasings), the detail phrases and the matcher vocabulary, so the writer cannot echo them."""
import sys, yaml, pathlib, textwrap

root = pathlib.Path(__file__).resolve().parents[2] / "dialogs"
data = yaml.safe_load((root / "knowledge.yaml").read_text())
text = yaml.safe_load((root / "knowledge.en.yaml").read_text())
names = {c["id"]: c for c in text["credentials"]}
labels = {d["id"]: d.get("label", d["id"]) for d in text["details"]}
faq_text = {f["id"]: f for f in text["faqs"]}
out = ["# Topic list for a blind FAQ evaluation set", ""]
out.append("## Credentials the knowledge describes (id, name, status) and details it does NOT hold about each")
for c in data["credentials"]:
    t = names.get(c["id"], {})
    missing = ", ".join(labels.get(d, d) for d in c.get("notCovered", [])) or "-"
    extra = f", retired {c['retiredOn']}" if c.get("retiredOn") else ""
    out.append(f"- {c['id']}: {t.get('name', c['id'])} ({c.get('vendor', '')}, {c.get('status', '')}{extra}); not held: {missing}")
out += ["", "## FAQ entries (use the id as `expect`). Question, and the gist of the answer"]
for f in data["faqs"]:
    t = faq_text.get(f["id"], {})
    gist = " ".join(t.get("answer", "").split())[:260]
    facts = []
    if f.get("versionOf"): facts.append(f"vendor version of '{f['versionOf']}'")
    if f.get("persona"): facts.append(f"for persona {f['persona']}")
    meta = f" [{'; '.join(facts)}]" if facts else ""
    out.append(f"- {f['id']}{meta}: {t.get('question', '')}\n  gist: {gist}...")
out += ["", "## Details the knowledge holds for no credential or entry (questions about them expect `none`)"]
for d in data["details"]:
    if d.get("heldNowhere"):
        out.append(f"- {labels.get(d['id'], d['id'])}")
out += ["", "## Details only some entries hold (questions about them expect `none` unless the credential's line above does not list it as not held)"]
for d in data["details"]:
    if not d.get("heldNowhere"):
        out.append(f"- {labels.get(d['id'], d['id'])}")
sys.stdout.write("\n".join(out) + "\n")
