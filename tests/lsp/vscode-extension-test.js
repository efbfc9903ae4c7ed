// The VS Code extension's entry (editors/vscode/extension.js) with `vscode`
// and `vscode-languageclient/node` stood in for: it must start `bcp lsp`
// with the configured command for bcp files.  Its package.json and lock file
// must name the locked client.
'use strict';
const Module = require('module');
const path = require('path');
const fs = require('fs');
const root = path.resolve(process.argv[2] || path.join(__dirname, '..', '..'));
const got = {};
const load = Module._load;
Module._load = function (request, parent, isMain) {
    if (request === 'vscode')
        return {
            workspace: {
                getConfiguration: () => ({ get: (k, d) => ({ path: '/opt/bcp/bin/bcp', docsUrl: 'https://docs.example.org/rules' })[k] ?? d }),
                createFileSystemWatcher: (glob) => ({ glob }),
            },
        };
    if (request === 'vscode-languageclient/node')
        return {
            TransportKind: { stdio: 0 },
            LanguageClient: class {
                constructor(id, name, server, client) { Object.assign(got, { id, server, client }); }
                start() { got.started = true; return Promise.resolve(); }
                stop() { got.stopped = true; }
            },
        };
    return load.apply(this, arguments);
};
let failures = 0;
const ok = (c, what) => { if (!c) { failures++; console.error('FAIL: vscode extension: ' + what + '\n  got: ' + JSON.stringify(got)); } };
const ext = require(path.join(root, 'editors/vscode/extension.js'));
const context = { subscriptions: [] };
ext.activate(context);
ok(got.server && got.server.run.command === '/opt/bcp/bin/bcp', 'runs bcp.path');
ok(got.server && JSON.stringify(got.server.run.args) === JSON.stringify(['lsp', '--debounce', '50', '--docs-url', 'https://docs.example.org/rules']), 'bcp lsp with the settings');
ok(got.client && got.client.documentSelector[0].language === 'bcp', 'for bcp documents');
ok(got.started, 'the client is started');
context.subscriptions.forEach((d) => d.dispose());
ok(got.stopped, 'stopped on dispose');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'editors/vscode/package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(root, 'editors/vscode/package-lock.json'), 'utf8'));
ok(pkg.main === './extension.js' && pkg.activationEvents.includes('onLanguage:bcp'), 'package.json main and activation');
ok(lock.packages['node_modules/vscode-languageclient'] && lock.packages['node_modules/vscode-languageclient'].version === pkg.dependencies['vscode-languageclient'], 'vscode-languageclient locked');
console.log(`lsp vscode extension test: ${failures ? 'FAILED' : 'ok'}`);
process.exit(failures ? 1 : 0);
