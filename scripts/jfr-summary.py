#!/usr/bin/env python3
"""Summarises a JFR recording of the language server: where the CPU samples fall and what GC paused.

    scripts/jfr-summary.py RECORDING.jfr [TOP]

Prints, from `jfr print --json`: samples per thread, inclusive share of each stage of the editor
path (parse, each lint rule, conversion to lsp4j, JSON-RPC/Gson writing and reading), the top
self frames, and the GC pauses. Needs the JDK's `jfr` tool on PATH (or in JAVA_HOME/bin).
"""
import collections
import json
import os
import shutil
import subprocess
import sys

rec = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
jfr = shutil.which("jfr") or os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "jfr")


def events(kinds):
    out = subprocess.run([jfr, "print", "--json", "--stack-depth", "96", "--events", kinds, rec],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def frame_name(f):
    m = f["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]


# inclusive stages, first match from the leaf up wins for nested markers listed earlier
STAGES = [
    ("gson write (publishDiagnostics/responses)", ("org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer.consume",
                                                  "org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler.serialize")),
    ("json-rpc read (didChange parsing)", ("org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer",)),
    ("convert to lsp4j", ("dev.mx.lsp.Convert.",)),
    ("yaml parse", ("dev.mx.engine.yaml.YamlParser.parse", "dev.mx.engine.yaml.IncrementalParse")),
    ("lint: suppressions/config/sort", ("dev.mx.engine.lint.Suppressions", "dev.mx.engine.lint.LintConfig")),
    ("lint rules", ("dev.mx.engine.lint.",)),
    ("completion", ("dev.mx.engine.service.completion.",)),
]

samples = events("jdk.ExecutionSample")
threads = collections.Counter()
stage = collections.Counter()
rules = collections.Counter()
selfs = collections.Counter()
for e in samples:
    v = e["values"]
    threads[(v.get("sampledThread") or {}).get("javaName") or "?"] += 1
    frames = [frame_name(f) for f in (v.get("stackTrace") or {}).get("frames", [])]
    if not frames:
        continue
    selfs[frames[0]] += 1
    found = "other"
    for name, markers in STAGES:
        if any(fr.startswith(mk) for fr in frames for mk in markers):
            found = name
            break
    stage[found] += 1
    for fr in frames:  # the outermost rule class on the stack
        pass
    rule = None
    for fr in reversed(frames):
        if fr.startswith("dev.mx.engine.lint.devspace.") or fr.startswith("dev.mx.engine.lint.core."):
            rule = fr.rsplit(".", 1)[0].rsplit(".", 1)[1]
            break
    if rule:
        rules[rule] += 1

n = len(samples) or 1
print(f"{len(samples)} execution samples (about 20 ms apart per running thread)")
print("\nby thread:")
for t, c in threads.most_common(8):
    print(f"  {c:6d} {100 * c / n:5.1f}%  {t}")
print("\nby stage (inclusive, first match):")
for s, c in stage.most_common():
    print(f"  {c:6d} {100 * c / n:5.1f}%  {s}")
print("\nby lint rule class (inclusive):")
for s, c in rules.most_common(12):
    print(f"  {c:6d} {100 * c / n:5.1f}%  {s}")
print(f"\ntop {top} self frames:")
for s, c in selfs.most_common(top):
    print(f"  {c:6d} {100 * c / n:5.1f}%  {s}")

gcs = events("jdk.GarbageCollection")
if gcs:
    def ms(d):  # JFR JSON durations look like "PT0.012345S"
        return float(d[2:-1]) * 1000 if isinstance(d, str) and d.startswith("PT") else 0.0
    pauses = [ms(g["values"].get("sumOfPauses") or g["values"].get("duration")) for g in gcs]
    names = collections.Counter(g["values"].get("name") for g in gcs)
    pauses.sort()
    print(f"\nGC: {len(gcs)} collections {dict(names)}, total pause {sum(pauses):.0f} ms, "
          f"median {pauses[len(pauses) // 2]:.1f} ms, max {pauses[-1]:.1f} ms")
heap = events("jdk.GCHeapSummary")
if heap:
    used = [h["values"]["heapUsed"] for h in heap if h["values"].get("when") == "After GC"]
    if used:
        print(f"heap used after GC: min {min(used) / 2**20:.0f} MiB, last {used[-1] / 2**20:.0f} MiB, "
              f"max {max(used) / 2**20:.0f} MiB")
