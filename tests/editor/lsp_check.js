// yaml-language-server, driven over LSP stdio as an editor drives it, on an
// account file that points at kam's schema with a modeline:
//   1. a bad enum value (tier: platinum) gets a diagnostic on its line;
//   2. completion after "tier: " offers the tiers of the field table.
//   node lsp_check.js SERVER_JS ACCOUNT_YAML BAD_LINE(0-based) COMPLETION_LINE COMPLETION_CHAR
// With LSP_SETTINGS (a .vscode/settings.json) and LSP_ROOT (the workspace
// folder), the server is given that file's yaml.schemas as VS Code's YAML
// extension gives it, for a file without the modeline.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const [serverJs, file, badLine, compLine, compChar] = process.argv.slice(2);
const uri = 'file://' + path.resolve(file);
const text = fs.readFileSync(file, 'utf8');
const server = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });

let nextId = 1;
const pending = new Map();
let buffer = Buffer.alloc(0);
let diagnosticsSeen = null;
const timer = setTimeout(() => finish('FAIL: no answer from yaml-language-server in 60 s'), 60000);

function send(message) {
    const body = Buffer.from(JSON.stringify(Object.assign({ jsonrpc: '2.0' }, message)), 'utf8');
    server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    server.stdin.write(body);
}
function request(method, params) {
    const id = nextId++;
    send({ id, method, params });
    return new Promise((resolve) => pending.set(id, resolve));
}
function notify(method, params) {
    send({ method, params });
}
function finish(message, code = 1) {
    clearTimeout(timer);
    console.log(message);
    server.kill();
    process.exit(code);
}

server.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
        const header = buffer.indexOf('\r\n\r\n');
        if (header < 0) return;
        const match = /Content-Length: (\d+)/i.exec(buffer.slice(0, header).toString());
        const length = Number(match[1]);
        if (buffer.length < header + 4 + length) return;
        const message = JSON.parse(buffer.slice(header + 4, header + 4 + length).toString('utf8'));
        buffer = buffer.slice(header + 4 + length);
        if (message.id !== undefined && pending.has(message.id)) {
            pending.get(message.id)(message.result);
            pending.delete(message.id);
        } else if (message.id !== undefined && message.method) {
            // A request from the server (workspace/configuration and the like).
            // The server pulls its settings (section "yaml") as VS Code's YAML extension serves them.
            const result = message.method === 'workspace/configuration'
                ? (message.params.items || []).map((i) => (i.section === 'yaml' ? yamlSettings : {}))
                : null;
            send({ id: message.id, result });
        } else if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri) {
            if (message.params.diagnostics.length > 0) diagnosticsSeen = message.params.diagnostics;
        }
    }
});

const workspace = process.env.LSP_ROOT ? path.resolve(process.env.LSP_ROOT) : path.dirname(path.resolve(file));
const schemas = process.env.LSP_SETTINGS
    ? JSON.parse(fs.readFileSync(process.env.LSP_SETTINGS, 'utf8'))['yaml.schemas']
    : {};
const yamlSettings = { validate: true, completion: true, hover: true, schemas, schemaStore: { enable: false } };

async function main() {
    await request('initialize', {
        processId: process.pid,
        rootUri: 'file://' + workspace,
        workspaceFolders: [{ uri: 'file://' + workspace, name: 'portfolio' }],
        capabilities: { textDocument: { completion: { completionItem: { snippetSupport: false } } } },
    });
    notify('initialized', {});
    notify('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
    notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });

    // 1. The diagnostic, on the line of the bad value.
    const start = Date.now();
    while (!diagnosticsSeen && Date.now() - start < 30000) await new Promise((r) => setTimeout(r, 100));
    if (!diagnosticsSeen) finish('FAIL: no diagnostic for the bad tier');
    const onLine = diagnosticsSeen.filter((d) => d.range.start.line === Number(badLine));
    if (onLine.length === 0)
        finish(`FAIL: no diagnostic on line ${Number(badLine) + 1}: ${JSON.stringify(diagnosticsSeen)}`);
    // The rest of the file is as kam new wrote it: nothing else is flagged.
    const elsewhere = diagnosticsSeen.filter((d) => d.range.start.line !== Number(badLine));
    if (elsewhere.length) finish(`FAIL: diagnostics on other lines: ${JSON.stringify(elsewhere)}`);
    console.log(`ok: one diagnostic, on line ${Number(badLine) + 1}: ${onLine[0].message.replace(/\s+/g, ' ')}`);

    // 2. Completion of the tier's value.
    const completion = await request('textDocument/completion', {
        textDocument: { uri },
        position: { line: Number(compLine), character: Number(compChar) },
    });
    const items = (Array.isArray(completion) ? completion : (completion && completion.items) || [])
        .map((i) => i.label);
    const tiers = ['key', 'strategic', 'growth', 'maintain', 'transactional'];
    const missing = tiers.filter((t) => !items.includes(t));
    if (missing.length) finish(`FAIL: completion lacks ${missing.join(', ')}: ${JSON.stringify(items)}`);
    console.log(`ok: completion offers the tiers: ${items.filter((i) => tiers.includes(i)).join(', ')}`);

    // 3. Hover on the key shows the table's description.
    const hover = await request('textDocument/hover', {
        textDocument: { uri },
        position: { line: Number(compLine), character: 1 },
    });
    const shown = JSON.stringify(hover || {});
    if (!shown.includes('how the account is managed'))
        finish(`FAIL: hover on tier does not show its description: ${shown}`);
    console.log("ok: hover on tier shows 'how the account is managed'");
    await request('shutdown', null);
    notify('exit', null);
    finish('all passed', 0);
}
main().catch((e) => finish(`FAIL: ${e.stack || e}`));
