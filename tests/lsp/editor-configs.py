#!/usr/bin/env python3
"""The language-server settings of the editors not in Debian (Helix, Zed, VS
Code), read by real parsers (Python's tomllib and json), and the server each
names started exactly as it says and spoken to over LSP: initialize, a plan
with an error gets its diagnostic, shutdown and exit with status 0.

    python3 tests/lsp/editor-configs.py BCP [REPO]

Helix: editors/helix/languages.toml ([[language]] bcp's language-servers and
[language-server.bcp-lsp]).  Zed: editors/zed/extension.toml's
[language_servers.bcp-lsp] for the language of languages/bcp/config.toml,
Cargo.toml (a cdylib on zed_extension_api) and the command src/lib.rs gives.
VS Code: editors/vscode/package.json (main, activation, the bcp.path
setting, the locked client) and the arguments extension.js passes (its mock
test, vscode-extension-test.js, runs the extension itself).  Each README must
say how the server is set up."""
import json
import os
import pathlib
import re
import select
import subprocess
import sys
import tempfile
import time
import tomllib

bcp = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/bcp")
root = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else pathlib.Path(__file__).resolve().parents[2])
failures = 0
checks = 0


def ok(cond, what, got=None):
    global failures, checks
    checks += 1
    if not cond:
        failures += 1
        print("FAIL: %s%s" % (what, "" if got is None else "\n  got: %r" % (got,)), file=sys.stderr)


def toml(rel):
    with open(root / rel, "rb") as f:
        return tomllib.load(f)


def frame(msg):
    body = json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def read_message(proc, buf, deadline):
    """The next message from the server (None at a time-out or its exit)."""
    while True:
        head, sep, rest = buf[0].partition(b"\r\n\r\n")
        if sep:
            m = re.search(rb"Content-Length: *(\d+)", head, re.I)
            n = int(m.group(1)) if m else 0
            if len(rest) >= n:
                buf[0] = rest[n:]
                return json.loads(rest[:n])
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([proc.stdout], [], [], left)[0]:
            return None
        chunk = os.read(proc.stdout.fileno(), 65536)
        if not chunk:
            return None
        buf[0] += chunk


def speak(editor, command, args, env_path):
    """Starts `command args` as the editor would (bcp found on PATH) and
    checks the protocol's life cycle and one diagnostic."""
    work = pathlib.Path(tempfile.mkdtemp(prefix="bcp-editor-"))
    (work / ".git").mkdir()
    plan = work / "plan.bcp"
    text = (root / "examples/minimal.bcp").read_text().replace("size         = micro", "size         = micr", 1)
    plan.write_text(text)
    env = dict(os.environ, PATH=env_path)
    proc = subprocess.Popen([command, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd=work)
    buf = [b""]
    deadline = time.monotonic() + 60
    proc.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                            "params": {"processId": os.getpid(), "rootUri": plan.parent.as_uri(), "capabilities": {}}}))
    proc.stdin.flush()
    init = read_message(proc, buf, deadline)
    ok(init and init.get("id") == 1 and init["result"]["capabilities"].get("textDocumentSync"),
       "%s: `%s %s` answers initialize" % (editor, os.path.basename(command), " ".join(args)), init)
    uri = plan.as_uri()
    proc.stdin.write(frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
    proc.stdin.write(frame({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                            "params": {"textDocument": {"uri": uri, "languageId": "bcp", "version": 1, "text": text}}}))
    proc.stdin.flush()
    diags = None
    while diags is None:
        m = read_message(proc, buf, deadline)
        if m is None:
            break
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
            diags = m["params"]["diagnostics"]
    ok(diags and any(d.get("code") == "E106" and "micro" in d["message"] for d in diags),
       "%s: the server publishes E106 for `micr`" % editor, diags)
    proc.stdin.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
    proc.stdin.flush()
    reply = None
    while reply is None or reply.get("id") != 2:
        reply = read_message(proc, buf, deadline)
        if reply is None:
            break
    ok(reply and reply.get("result", 1) is None, "%s: shutdown answered" % editor, reply)
    proc.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
    proc.stdin.close()
    try:
        status = proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        status = proc.wait()
    ok(status == 0, "%s: exit after shutdown: status 0" % editor, status)
    proc.stdout.close()
    for p in sorted(work.rglob("*"), reverse=True):
        p.rmdir() if p.is_dir() else p.unlink()
    work.rmdir()


def main():
    # `bcp` on PATH, as the configurations expect (make install).
    bindir = pathlib.Path(tempfile.mkdtemp(prefix="bcp-editor-bin-"))
    (bindir / "bcp").symlink_to(bcp)
    path = "%s:%s" % (bindir, os.environ.get("PATH", "/usr/bin:/bin"))

    # ---- Helix
    helix = toml("editors/helix/languages.toml")
    lang, = [x for x in helix["language"] if x["name"] == "bcp"]
    ok(lang.get("language-servers") == ["bcp-lsp"], "helix: bcp's language-servers is [bcp-lsp]", lang.get("language-servers"))
    server = helix.get("language-server", {}).get("bcp-lsp", {})
    ok(server.get("command") == "bcp" and server.get("args") == ["lsp"], "helix: bcp-lsp runs `bcp lsp`", server)
    ok(lang.get("formatter") == {"command": "bcp", "args": ["fmt", "-"]}, "helix: the formatter is `bcp fmt -`", lang.get("formatter"))
    if server.get("command"):
        speak("helix", server["command"], server.get("args", []), path)

    # ---- Zed
    zed = toml("editors/zed/extension.toml")
    config = toml("editors/zed/languages/bcp/config.toml")
    ls = zed.get("language_servers", {}).get("bcp-lsp", {})
    ok(ls.get("languages") == [config.get("name")], "zed: bcp-lsp serves the language of config.toml (%s)" % config.get("name"), ls)
    ok(zed.get("id") and zed.get("schema_version") == 1, "zed: extension id and schema_version 1", zed)
    cargo = toml("editors/zed/Cargo.toml")
    ok(cargo["lib"]["crate-type"] == ["cdylib"] and cargo["lib"]["path"] == "src/lib.rs", "zed: Cargo.toml builds src/lib.rs as a cdylib", cargo.get("lib"))
    ok("zed_extension_api" in cargo.get("dependencies", {}), "zed: Cargo.toml depends on zed_extension_api", cargo.get("dependencies"))
    lib = (root / "editors/zed/src/lib.rs").read_text()
    which = re.search(r'\.which\("([^"]+)"\)', lib)
    zargs = re.search(r"args:\s*vec!\[([^\]]*)\]", lib)
    zargs = re.findall(r'"([^"]*)"', zargs.group(1)) if zargs else None
    ok(which and which.group(1) == "bcp" and zargs == ["lsp"] and "fn language_server_command" in lib,
       "zed: src/lib.rs starts `bcp lsp` with the bcp on the worktree's PATH", (which and which.group(1), zargs))
    if which and zargs:
        speak("zed", which.group(1), zargs, path)

    # ---- VS Code
    pkg = json.loads((root / "editors/vscode/package.json").read_text())
    lock = json.loads((root / "editors/vscode/package-lock.json").read_text())
    ok((root / "editors/vscode" / pkg["main"]).is_file(), "vscode: main names a file", pkg.get("main"))
    ok("onLanguage:bcp" in pkg.get("activationEvents", []), "vscode: activates on bcp files", pkg.get("activationEvents"))
    props = pkg["contributes"]["configuration"]["properties"]
    ok(props["bcp.path"]["default"] == "bcp", "vscode: bcp.path defaults to bcp", props.get("bcp.path"))
    client = pkg["dependencies"].get("vscode-languageclient")
    ok(client and lock["packages"]["node_modules/vscode-languageclient"]["version"] == client,
       "vscode: vscode-languageclient %s locked" % client, client)
    ext = (root / "editors/vscode/extension.js").read_text()
    ok(re.search(r"const args = \['lsp', '--debounce'", ext), "vscode: extension.js starts `bcp lsp --debounce MS`")
    speak("vscode", props["bcp.path"]["default"], ["lsp", "--debounce", str(props["bcp.lsp.debounce"]["default"])], path)

    # ---- Each README says how.
    for editor, needles in {"helix": ["language-servers", "hx --health bcp"], "zed": ["install dev extension", "bcp lsp"],
                            "vscode": ["bcp lsp", "bcp.path"], "emacs": ["eglot", "eglot-ensure"],
                            "neovim": ["start_lsp"]}.items():
        readme = (root / "editors" / editor / "README.md").read_text()
        ok(all(n in readme for n in needles), "%s/README.md says how to start bcp lsp (%s)" % (editor, ", ".join(needles)))

    (bindir / "bcp").unlink()
    bindir.rmdir()
    print("lsp editor configs: %s (%d checks: Helix, Zed and VS Code settings parsed, each server started as configured)"
          % ("ok" if not failures else "%d failures" % failures, checks))
    return 1 if failures else 0


sys.exit(main())
