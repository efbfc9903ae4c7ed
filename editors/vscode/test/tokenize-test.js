// Tokenizes editors/test/sample.bcp with the extension's TextMate grammar the
// way VS Code does (vscode-textmate + the Oniguruma WebAssembly build) and
// checks the scopes of chosen tokens.  Also checks that the manifest's
// contributions point at files that exist and parse.
'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const extensionDir = path.resolve(__dirname, '..');
const grammarPath = path.join(extensionDir, 'syntaxes', 'bcp.tmLanguage.json');
const samplePath = path.resolve(extensionDir, '..', 'test', 'sample.bcp');

// [line (1-based, as an editor shows it), token text, a scope the token must
// carry].  The first token on that line whose text matches is checked.
const expectations = [
  [1, '#', 'punctuation.definition.comment.bcp'],
  [1, ' Sample plan shared by the editor tests: every kind of token once.', 'comment.line.number-sign.bcp'],
  [2, 'use', 'keyword.control.import.bcp'],
  [2, 'std/core', 'string.quoted.double.bcp'],
  [4, 'plan', 'storage.type.kind.bcp'],
  [4, 'sample', 'entity.name.type.bcp'],
  [4, '{', 'punctuation.section.block.begin.bcp'],
  [5, 'title', 'variable.other.property.bcp'],
  [5, '=', 'keyword.operator.assignment.bcp'],
  [5, 'Sample ', 'string.quoted.double.bcp'],
  [5, '\\"', 'constant.character.escape.bcp'],
  [7, 'professional_services', 'variable.other.enummember.bcp'],
  [8, 'contact', 'support.type.kind.bcp'],
  [8, '.', 'punctuation.accessor.bcp'],
  [8, 'owner', 'variable.other.reference.bcp'],
  [8, 'owner', 'meta.reference.bcp'],
  [9, '2026-09-01', 'constant.numeric.date.bcp'],
  [10, '6', 'constant.numeric.duration.bcp'],
  [10, 'mo', 'keyword.other.unit.bcp'],
  [11, '[', 'punctuation.definition.list.begin.bcp'],
  [12, 'Serve every client again within one working day of the disruption', 'string.quoted.double.bcp'],
  [12, 'Serve every client again within one working day of the disruption', 'meta.list.bcp'],
  [12, ',', 'punctuation.separator.comma.bcp'],
  [14, ']', 'punctuation.definition.list.end.bcp'],
  [15, '}', 'punctuation.section.block.end.bcp'],
  [17, 'function', 'storage.type.kind.bcp'],
  [19, '1', 'constant.numeric.integer.bcp'],
  [20, 'true', 'constant.language.boolean.bcp'],
  [21, '24', 'constant.numeric.duration.bcp'],
  [22, '"""', 'punctuation.definition.string.begin.bcp'],
  [23, '    Work from home', 'string.quoted.triple.bcp'],
  [25, '    ', 'string.quoted.triple.bcp'],
  [25, '"""', 'punctuation.definition.string.end.bcp'],
  [27, 'system', 'support.type.kind.bcp'],
  [27, 'crm', 'variable.other.reference.bcp'],
  [33, 'backup', 'storage.type.kind.bcp'],
  [33, 'nightly', 'entity.name.type.bcp'],
  [34, 'every', 'variable.other.property.bcp'],
  [35, 'false', 'constant.language.boolean.bcp'],
  [39, 'contact', 'storage.type.kind.bcp'],
  [39, 'owner', 'entity.name.type.bcp'],
];

// Lines whose tokens must not leak a scope: after the multi-line string ends,
// the attribute on the next line is an attribute again.
const mustNotCarry = [
  [26, 'owner', 'string.quoted.triple.bcp'],
  [30, 'system', 'string.quoted.double.bcp'],
];

// Short snippets of their own, each tokenized from a fresh state.
const lineCases = [
  ['size = micro # trailing', 'micro', 'variable.other.enummember.bcp'],
  ['size = micro # trailing', ' trailing', 'comment.line.number-sign.bcp'],
  ['note = "a \\q b"', '\\q', 'invalid.illegal.unknown-escape.bcp'],
  ['note = "\\u{1F600}"', '\\u{1F600}', 'constant.character.escape.bcp'],
  ['rto = 3天', '天', 'keyword.other.unit.bcp'],
  ['contact 王建国 {', '王建国', 'entity.name.type.bcp'],
  ['owner = contact.王建国', '王建国', 'variable.other.reference.bcp'],
  ['tier = -1', '-1', 'constant.numeric.integer.bcp'],
  ['system erp { backup { every = 1d } }', 'backup', 'storage.type.kind.bcp'],
  ['system erp { backup { every = 1d } }', 'every', 'variable.other.property.bcp'],
  ['x = "unterminated', 'unterminated', 'string.quoted.double.bcp'],
];

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'source.bcp') return null;
      return vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath);
    },
  });
  return registry.loadGrammar('source.bcp');
}

function tokenizeLines(grammar, lines) {
  let state = vsctm.INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({
      text: line.substring(t.startIndex, t.endIndex),
      column: t.startIndex,
      scopes: t.scopes,
    }));
  });
}

function describe(tokens) {
  return tokens.map((t) => `  ${JSON.stringify(t.text)} ${t.scopes.slice(1).join(' ')}`).join('\n');
}

let failures = 0;
let checks = 0;

function check(ok, message) {
  checks++;
  if (!ok) {
    failures++;
    console.log(`FAIL: ${message}`);
  }
}

function checkManifest() {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
  const contributes = manifest.contributes;
  const files = [
    ...contributes.languages.map((l) => l.configuration),
    ...contributes.grammars.map((g) => g.path),
    ...contributes.snippets.map((s) => s.path),
  ];
  for (const file of files) {
    const full = path.join(extensionDir, file);
    let parsed = null;
    try {
      parsed = JSON.parse(fs.readFileSync(full, 'utf8'));
    } catch (err) {
      check(false, `${file}: ${err.message}`);
      continue;
    }
    check(parsed !== null, `${file} parses`);
  }
  check(contributes.languages[0].extensions.includes('.bcp'), 'the language claims .bcp');
  check(contributes.grammars[0].scopeName === 'source.bcp', 'the grammar is source.bcp');
  const config = JSON.parse(fs.readFileSync(path.join(extensionDir, 'language-configuration.json'), 'utf8'));
  check(config.comments.lineComment === '#', 'line comments start with #');
  const opens = config.autoClosingPairs.map((p) => p.open);
  for (const open of ['{', '[', '"', '"""']) check(opens.includes(open), `auto-closes ${open}`);
}

async function main() {
  checkManifest();
  const grammar = await loadGrammar();
  const lines = fs.readFileSync(samplePath, 'utf8').split('\n');
  const tokenized = tokenizeLines(grammar, lines);

  for (const [lineNumber, text, scope] of expectations) {
    const tokens = tokenized[lineNumber - 1];
    const candidates = tokens.filter((t) => t.text === text);
    const ok = candidates.some((t) => t.scopes.includes(scope));
    check(ok, `line ${lineNumber}: ${JSON.stringify(text)} should carry ${scope}; tokens:\n${describe(tokens)}`);
  }
  for (const [lineNumber, text, scope] of mustNotCarry) {
    const tokens = tokenized[lineNumber - 1];
    const token = tokens.find((t) => t.text === text);
    check(token && !token.scopes.includes(scope),
      `line ${lineNumber}: ${JSON.stringify(text)} should not carry ${scope}; tokens:\n${describe(tokens)}`);
  }
  for (const [line, text, scope] of lineCases) {
    const tokens = tokenizeLines(grammar, [line])[0];
    const ok = tokens.some((t) => t.text === text && t.scopes.includes(scope));
    check(ok, `${JSON.stringify(line)}: ${JSON.stringify(text)} should carry ${scope}; tokens:\n${describe(tokens)}`);
  }

  console.log(`textmate: ${checks - failures}/${checks} checks passed`);
  process.exit(failures === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
