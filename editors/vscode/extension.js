// Starts `ztlint lsp` for Terraform, Bicep and ARM JSON files and passes the settings on.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function settings() {
  const config = vscode.workspace.getConfiguration('ztlint');
  return {
    ztlint: {
      strict: config.get('strict'),
      policies: config.get('policies'),
      varFiles: config.get('varFiles'),
    },
  };
}

function activate(context) {
  const command = vscode.workspace.getConfiguration('ztlint').get('path') || 'ztlint';
  const server = { command, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient('ztlint', 'ztlint', { run: server, debug: server }, {
    documentSelector: [
      { scheme: 'file', pattern: '**/*.tf' },
      { scheme: 'file', pattern: '**/*.tfvars' },
      { scheme: 'file', pattern: '**/*.bicep' },
      { scheme: 'file', pattern: '**/*.bicepparam' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
    ],
    initializationOptions: settings(),
    synchronize: {
      // Files on disk change the estate too: other modules, .ztlint.yaml, policies.
      fileEvents: vscode.workspace.createFileSystemWatcher(
          '**/{*.tf,*.tfvars,*.bicep,*.bicepparam,*.json,.ztlint.yaml}'),
    },
  });
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('ztlint') && client) {
      client.sendNotification('workspace/didChangeConfiguration', { settings: settings() });
    }
  }));
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
