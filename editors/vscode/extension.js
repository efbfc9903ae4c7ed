// Starts `bcp lsp` (the language server of the bcp command) for .bcp files:
// diagnostics as you type, completion, hover, go to definition, references,
// outline, rename, formatting and quick fixes.  Settings: bcp.path (the bcp
// command), bcp.lsp.debounce (ms), bcp.docsUrl (where rule pages are).
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
    const config = vscode.workspace.getConfiguration('bcp');
    const command = config.get('path') || 'bcp';
    const args = ['lsp', '--debounce', String(config.get('lsp.debounce', 50))];
    const docsUrl = config.get('docsUrl');
    if (docsUrl) args.push('--docs-url', docsUrl);
    const server = { command, args, transport: TransportKind.stdio };
    client = new LanguageClient('bcp', 'bcp language server', { run: server, debug: server }, {
        documentSelector: [{ scheme: 'file', language: 'bcp' }],
        synchronize: {
            // bcpconfig.bcp and plans changed outside the editor: re-check.
            fileEvents: vscode.workspace.createFileSystemWatcher('**/*.bcp'),
        },
    });
    context.subscriptions.push({ dispose: () => client && client.stop() });
    return client.start();
}

function deactivate() {
    return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
