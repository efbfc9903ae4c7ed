#!/bin/sh
# Editor support under editors/: the Neovim query copies match grammar/queries,
# the VS Code TextMate grammar tokenizes a sample plan as expected (with
# vscode-textmate and vscode-oniguruma from npm), the Vim syntax, ftplugin and
# indent files load in headless Vim and highlight what they should, bcp-mode.el
# byte-compiles without warnings and highlights with its regexp fallback, and
# the TOML/YAML manifests parse.  The tree-sitter queries themselves are
# checked by tests/unit/test_editor_queries.c.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
sample="$root/editors/test/sample.bcp"
failed=0
ok() { echo "ok   editors: $1"; }
fail() { echo "FAIL editors: $1"; failed=1; }
need() {
    if command -v "$1" >/dev/null 2>&1; then return 0; fi
    fail "$1 is not installed (make deps installs it)"
    return 1
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# --- Neovim: its queries are copies of grammar/queries and must not drift.
nvim_queries="$root/editors/neovim/queries/bcp"
drift=""
for f in "$root"/grammar/queries/*.scm; do
    name=$(basename "$f")
    cmp -s "$f" "$nvim_queries/$name" || drift="$drift $name"
done
for f in "$nvim_queries"/*.scm; do
    [ -e "$root/grammar/queries/$(basename "$f")" ] || drift="$drift $(basename "$f")(extra)"
done
if [ -z "$drift" ]; then
    ok "editors/neovim/queries/bcp matches grammar/queries"
else
    fail "editors/neovim/queries/bcp differs from grammar/queries:$drift (cp grammar/queries/*.scm editors/neovim/queries/bcp/)"
fi

# --- Neovim (when installed; Debian bookworm has 0.7): the plugin builds the
# parser, detects the file type, sets the buffer up and its queries capture.
if command -v nvim >/dev/null 2>&1; then
    # The plugin finds grammar/ two levels above itself: copy that layout so the
    # parser it builds lands in the scratch directory, not in the work tree.
    mkdir -p "$tmp/nvim/repo/editors"
    cp -r "$root/editors/neovim" "$tmp/nvim/repo/editors/neovim"
    rm -rf "$tmp/nvim/repo/editors/neovim/parser"
    ln -s "$root/grammar" "$tmp/nvim/repo/grammar"
    if HOME="$tmp/nvim" XDG_CONFIG_HOME="$tmp/nvim" XDG_DATA_HOME="$tmp/nvim" \
        PLUGIN_DIR="$tmp/nvim/repo/editors/neovim" SAMPLE="$sample" RESULT="$tmp/nvim/result" \
        timeout 120 nvim --headless -u NONE -i NONE -c "luafile $root/editors/test/nvim-check.lua" \
        >"$tmp/nvim/log" 2>&1 && [ -f "$tmp/nvim/result" ] && [ ! -s "$tmp/nvim/result" ]; then
        ok "Neovim builds the parser, detects .bcp and captures with the queries ($(nvim --version | head -n 1))"
    else
        fail "Neovim:"
        cat "$tmp/nvim/log"
        [ -f "$tmp/nvim/result" ] && cat "$tmp/nvim/result"
    fi
else
    echo "skip editors: Neovim is not installed (its queries are still checked above and in test_editor_queries)"
fi

# --- VS Code: tokenize with the engine VS Code uses.
if need node && need npm; then
    vscode_test="$root/editors/vscode/test"
    stamp="$vscode_test/node_modules/.bcp-lock"
    # npm ci only when the lock file changed since the last install; flock keeps
    # two test runs in this work tree from installing at the same time.
    install='cmp -s package-lock.json node_modules/.bcp-lock ||
        { npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.bcp-lock; }'
    if command -v flock >/dev/null 2>&1; then
        (cd "$vscode_test" && flock /tmp/bcp-vscode-test-npm.lock sh -c "$install") >"$tmp/npm.log" 2>&1
    else
        (cd "$vscode_test" && sh -c "$install") >"$tmp/npm.log" 2>&1
    fi
    if [ ! -f "$stamp" ]; then
        fail "npm ci in editors/vscode/test failed:"
        cat "$tmp/npm.log"
    elif node "$vscode_test/tokenize-test.js" >"$tmp/tm.log" 2>&1; then
        ok "TextMate grammar: $(tail -n 1 "$tmp/tm.log")"
    else
        fail "TextMate grammar:"
        cat "$tmp/tm.log"
    fi
fi

# --- Vim: syntax, ftdetect, ftplugin and indent in a headless Vim.
if need vim; then
    result="$tmp/vim-result"
    : >"$result.stdout"
    if (cd "$root" && timeout 60 vim -Nu NONE -i NONE -es \
        --cmd "set rtp^=$root/editors/vim" \
        -c 'filetype plugin indent on' -c 'syntax on' \
        -c "let g:result = '$result'" \
        -c "edit $sample" \
        -c "source $root/editors/test/vim-check.vim" \
        -c 'qall!') >"$result.stdout" 2>&1 && [ -f "$result" ] && [ ! -s "$result" ]; then
        ok "Vim highlights keywords, strings, dates, durations and references; indent matches"
    else
        fail "Vim:"
        cat "$result.stdout"
        [ -f "$result" ] && cat "$result"
    fi
    # As the README installs it: a package under ~/.vim and a two-line vimrc.
    home="$tmp/vimhome"
    mkdir -p "$home/.vim/pack/bcp/start"
    ln -s "$root/editors/vim" "$home/.vim/pack/bcp/start/bcp"
    printf 'filetype plugin indent on\nsyntax on\n' >"$home/.vimrc"
    (cd "$root" && HOME="$home" timeout 60 vim -u "$home/.vimrc" -i NONE -es \
        -c "edit $sample" \
        -c "call writefile([&filetype, synIDattr(synID(9, 18, 1), 'name')], '$home/out')" \
        -c 'qall!') >/dev/null 2>&1
    if [ "$(cat "$home/out" 2>/dev/null | tr '\n' ' ')" = "bcp bcpDate " ]; then
        ok "Vim installed as the README says detects and highlights a plan"
    else
        fail "Vim installed as a package: got '$(cat "$home/out" 2>/dev/null | tr '\n' ' ')'"
    fi
fi

# --- Emacs: byte-compile with warnings as errors, then check faces.
if need emacs; then
    mkdir -p "$tmp/emacs"
    cp "$root/editors/emacs/bcp-mode.el" "$tmp/emacs/"
    if emacs -Q --batch --eval '(setq byte-compile-error-on-warn t)' \
        -f batch-byte-compile "$tmp/emacs/bcp-mode.el" >"$tmp/emacs.log" 2>&1 &&
        [ -f "$tmp/emacs/bcp-mode.elc" ]; then
        ok "bcp-mode.el byte-compiles without warnings ($(emacs --version | head -n 1))"
    else
        fail "bcp-mode.el does not byte-compile cleanly:"
        cat "$tmp/emacs.log"
    fi
    if emacs -Q --batch -L "$tmp/emacs" -l "$root/editors/test/emacs-check.el" "$sample" \
        >"$tmp/emacs-faces.log" 2>&1; then
        ok "bcp-mode highlights and indents the sample (regexp font-lock)"
    else
        fail "bcp-mode faces:"
        grep -v '^Indenting region' "$tmp/emacs-faces.log"
    fi
fi

# --- Manifests: TOML of Helix and Zed, .pre-commit-hooks.yaml, and the CI
# examples of docs/ci.md, whose bcp and jq commands are run on a plan with
# findings.  Debian's python3 has yaml (pre-commit depends on it).
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
if need "$py" && need jq; then
    mkdir -p "$tmp/bin" "$tmp/ci"
    ln -s "${BCP:?BCP must name the bcp binary}" "$tmp/bin/bcp"
    cp "$sample" "$tmp/ci/plan.bcp"
    if PATH="$tmp/bin:$PATH" "$py" - "$root" "$tmp/ci" >"$tmp/manifests.log" 2>&1 <<'EOF'
import json, re, subprocess, sys, tomllib, pathlib
import yaml
root, work = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
def load(rel):
    with open(root / rel, "rb") as f:
        return tomllib.load(f)
helix = load("editors/helix/languages.toml")
lang, = helix["language"]
assert lang["name"] == "bcp" and lang["file-types"] == ["bcp"], lang
assert lang["scope"] == "source.bcp"
grammar, = helix["grammar"]
assert grammar["name"] == "bcp" and "path" in grammar["source"], grammar
zed = load("editors/zed/extension.toml")
assert zed["grammars"]["bcp"]["path"] == "grammar", zed
assert {"repository", "rev"} <= set(zed["grammars"]["bcp"]), zed
config = load("editors/zed/languages/bcp/config.toml")
assert config["grammar"] == "bcp" and config["path_suffixes"] == ["bcp"], config
assert config["line_comments"] == ["# "], config
assert {b["start"] for b in config["brackets"]} >= {"{", "[", '"'}, config
hooks = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text())
assert {h["id"]: h["entry"] for h in hooks} == {"bcp-check": "bcp check", "bcp-fmt": "bcp fmt --check"}, hooks
assert all(h["language"] == "system" for h in hooks), hooks

text = (root / "docs/ci.md").read_text()
docs = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S)]
github = next(d for d in docs if isinstance(d, dict) and "jobs" in d)
steps = [s for job in github["jobs"].values() for s in job["steps"]]
runs = "\n".join(s.get("run", "") for s in steps)
assert "make -C /tmp/bcp deps" in runs and "make -C /tmp/bcp install" in runs, runs
upload = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")]
assert upload and upload[0]["with"]["sarif_file"] == "bcp.sarif", upload
def sh(command):
    return subprocess.run(command, shell=True, cwd=work, capture_output=True, text=True)
# The workflow's bcp steps, in order, on a plan with findings.
bcp_steps = [s["run"] for s in steps if s.get("run", "").startswith("bcp ")]
assert len(bcp_steps) == 2, bcp_steps
sarif_step, github_step = bcp_steps
r = sh(sarif_step)
assert r.returncode == 0, (sarif_step, r.returncode, r.stderr)
sarif = json.loads((work / "bcp.sarif").read_text())
assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"], "empty SARIF"
r = sh(github_step)
assert r.returncode == 1, (github_step, r.returncode, r.stderr)
assert re.search(r"^::error file=(\./)?plan.bcp,line=\d+,", r.stdout, re.M), r.stdout
# The GitLab job's script, in order: the last command fails on findings.
gitlab = next(d for d in docs if isinstance(d, dict) and "bcp" in d and "script" in d["bcp"])
script = gitlab["bcp"]["script"]
for command in script[:-1]:
    r = sh(command)
    assert r.returncode == 0, (command, r.returncode, r.stderr)
report = json.loads((work / "gl-code-quality-report.json").read_text())
assert report, "empty Code Quality report"
for issue in report:
    assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue), issue
    assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}, issue
    assert issue["location"]["path"] == "plan.bcp" and issue["location"]["lines"]["begin"] > 0, issue
assert len({i["fingerprint"] for i in report}) == len(report), "fingerprints are not unique"
r = sh(script[-1])
assert r.returncode == 1 and "plan.bcp:" in r.stdout, (script[-1], r.returncode, r.stdout)
print("%d SARIF results, %d Code Quality issues" % (len(sarif["runs"][0]["results"]), len(report)))
EOF
    then
        ok "Helix/Zed TOML, hook manifest and docs/ci.md jobs work ($(tail -n 1 "$tmp/manifests.log"))"
    else
        fail "manifests:"
        cat "$tmp/manifests.log"
    fi
fi

exit "$failed"
