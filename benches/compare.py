#!/usr/bin/env python3
"""Side-by-side build benchmark: Brief and Hugo on the same generated corpus.

Usage: benches/compare.py [--articles 10000] [--runs 5] [--corpus DIR] [--no-hugo]

Generates the corpus with ../shared/bench/gen_corpus.py when DIR lacks one, builds the
release binary, then alternates Brief and Hugo builds (cold: the previous output is moved
aside before each run, outside the timed command) and prints the median wall time, CPU time
and peak memory of each, Brief's per-stage breakdown, and the ratio.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SHARED_BENCH = os.path.join(os.path.dirname(REPO), "shared", "bench")


def measured(cmd, cwd=None):
    """Runs cmd in a fresh Python child so ru_maxrss belongs to this build alone."""
    code = (
        "import resource,subprocess,sys,time,json\n"
        "s=time.perf_counter();p=subprocess.run(sys.argv[1:],capture_output=True,text=True)\n"
        "w=time.perf_counter()-s;r=resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps([p.returncode,w,r.ru_utime+r.ru_stime,r.ru_maxrss/1024,p.stdout+p.stderr]))\n"
    )
    import json
    out = subprocess.run([sys.executable, "-c", code, *cmd], cwd=cwd, capture_output=True, text=True)
    rc, wall, cpu, rss, text = json.loads(out.stdout)
    if rc != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{text}")
    return wall, cpu, rss, text


def move_aside(path, trash):
    """Moves the previous output out of the way without deleting it: ext4 skips recently
    freed inodes when it creates files, so deleting 10,000 pages just before a timed build
    would slow that build's file creation for minutes afterwards."""
    if os.path.exists(path):
        os.rename(path, os.path.join(trash, f"{len(os.listdir(trash))}"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus")
    ap.add_argument("--no-hugo", action="store_true")
    args = ap.parse_args()
    corpus = os.path.abspath(args.corpus or f"/tmp/brief-corpus-{args.articles}")
    if not os.path.isdir(os.path.join(corpus, "content", "articles")):
        print(f"generating {args.articles} articles in {corpus} …", flush=True)
        subprocess.run([sys.executable, os.path.join(SHARED_BENCH, "gen_corpus.py"),
                        "--articles", str(args.articles), "--out", corpus], check=True)
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    brief = os.path.join(REPO, "target", "release", "brief")
    hugo = shutil.which("hugo")
    use_hugo = hugo and not args.no_hugo
    if use_hugo and not os.path.isdir(os.path.join(corpus, "hugo")):
        subprocess.run(["sh", os.path.join(SHARED_BENCH, "hugo_site.sh"), corpus], check=True,
                       capture_output=True)
    if not use_hugo and not args.no_hugo:
        print("hugo not found (apt-get install hugo): measuring Brief alone")

    trash = os.path.join(corpus, f".old-outputs-{os.getpid()}")
    os.makedirs(trash)
    results = {"brief": [], "hugo": []}
    stages = []
    for i in range(args.runs):
        out_dir = os.path.join(corpus, "public")
        move_aside(out_dir, trash)
        wall, cpu, rss, text = measured([brief, "build", "--root", corpus, "--timings"])
        results["brief"].append((wall, cpu, rss))
        stages.append(text)
        if use_hugo:
            move_aside(os.path.join(corpus, "hugo", "public"), trash)
            results["hugo"].append(measured([hugo, "--quiet"], cwd=os.path.join(corpus, "hugo"))[:3])
        print(f"run {i + 1}/{args.runs}: brief {wall:.2f} s" +
              (f", hugo {results['hugo'][-1][0]:.2f} s" if use_hugo else ""), flush=True)

    def summary(name):
        runs = results[name]
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        rss = max(r[2] for r in runs)
        print(f"{name:6} median wall {wall:7.3f} s   cpu {cpu:7.3f} s   peak RSS {rss:7.1f} MiB")
        return wall

    print(f"\n{args.articles} articles, {args.runs} cold runs each")
    brief_wall = summary("brief")
    median_run = sorted(range(len(stages)), key=lambda i: results["brief"][i][0])[len(stages) // 2]
    print("brief stages (median run):")
    for line in stages[median_run].splitlines():
        print("   ", line)
    if use_hugo:
        hugo_wall = summary("hugo")
        print(f"ratio: Brief is {hugo_wall / brief_wall:.1f}x faster than Hugo on wall time")
    shutil.rmtree(trash)


if __name__ == "__main__":
    main()
