#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora from the policy fixtures and the examples.

usage: make_seeds.py REPO_ROOT OUT_DIR   (OUT_DIR/<target>/ is replaced)
"""
import hashlib
import json
import os
import re
import shutil
import sys

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
MAX_SEED_BYTES = 64 * 1024


def sources(root):
    """Every fixture and example file, and the folders that form one estate."""
    files, folders = [], []
    for base in ("policies", "examples"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, base)):
            dirnames.sort()
            names = sorted(n for n in filenames if n.endswith((".tf", ".bicep", ".json", ".tfvars",
                                                               ".bicepparam", ".yaml")))
            files.extend(os.path.join(dirpath, n) for n in names)
            if names and (".tests" in dirpath or base == "examples"):
                folders.append(dirpath)
    return files, folders


def read(path):
    with open(path, "rb") as f:
        return f.read()


class Corpus:
    def __init__(self, out, target):
        self.dir = os.path.join(out, target)
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        self.count = 0

    def add(self, data):
        if isinstance(data, str):
            data = data.encode()
        if not data or len(data) > MAX_SEED_BYTES:
            return
        name = hashlib.sha1(data).hexdigest()
        path = os.path.join(self.dir, name)
        if not os.path.exists(path):
            with open(path, "wb") as f:
                f.write(data)
            self.count += 1


def expressions(text):
    """The "[...]" expression strings of a template."""
    out = set()
    for match in re.finditer(r'"\[([^"\\]|\\.)*\]"', text):
        try:
            value = json.loads(match.group(0))
        except ValueError:
            continue
        if value.startswith("[") and not value.startswith("[[") and value.endswith("]"):
            out.add(value[1:-1])
    return out


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def lsp_session(path, text, language):
    """A client's whole conversation about one file."""
    uri = "file:///fuzz/" + os.path.basename(path)
    end_line = text.count("\n")
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"rootUri": "file:///fuzz", "capabilities": {
             "general": {"positionEncodings": ["utf-8", "utf-16"]}},
             "initializationOptions": {"ztlint": {"strict": True}}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": language, "version": 1, "text": text}}},
        {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {
            "textDocument": {"uri": uri}, "position": {"line": 1, "character": 2}}},
        {"jsonrpc": "2.0", "id": 3, "method": "textDocument/documentSymbol", "params": {
            "textDocument": {"uri": uri}}},
        {"jsonrpc": "2.0", "id": 4, "method": "textDocument/codeAction", "params": {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0},
                      "end": {"line": end_line, "character": 0}},
            "context": {"diagnostics": []}}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 1, "character": 0},
                                          "end": {"line": 2, "character": 0}}, "text": "\n"}]}},
        {"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {
            "settings": {"ztlint": {"strict": False}}}},
        {"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {
            "textDocument": {"uri": uri}}},
        {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 2}},
        {"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {
            "textDocument": {"uri": uri}}},
        {"jsonrpc": "2.0", "id": 5, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    return b"".join(frame(m) for m in messages)


def main():
    root, out = sys.argv[1], sys.argv[2]
    files, folders = sources(root)
    corpora = {t: Corpus(out, t) for t in
               ("terraform", "arm", "arm_expression", "bicep", "policy", "lsp", "estate")}
    languages = {".tf": "terraform", ".bicep": "bicep", ".json": "json"}
    lsp_per_language = {}
    for path in files:
        data = read(path)
        ext = os.path.splitext(path)[1]
        if ext == ".tf":
            corpora["terraform"].add(data)
        elif ext == ".bicep":
            corpora["bicep"].add(data)
        elif ext == ".json" and SCHEMA.split("/")[-1].split(".")[0] in data.decode(errors="replace"):
            corpora["arm"].add(data)
            for expression in expressions(data.decode(errors="replace")):
                corpora["arm_expression"].add(expression)
        elif ext == ".yaml" and "/policies/" in path and ".tests" not in path:
            corpora["policy"].add(data)
        if ext in languages and lsp_per_language.get(ext, 0) < 40:
            lsp_per_language[ext] = lsp_per_language.get(ext, 0) + 1
            corpora["lsp"].add(lsp_session(path, data.decode(errors="replace"), languages[ext]))
        if ext in (".tf", ".bicep", ".json"):
            corpora["estate"].add(b"main" + ext.encode() + b"\n" + data)
    for folder in folders:
        parts = []
        for dirpath, _, filenames in os.walk(folder):
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                parts.append(os.path.relpath(path, folder).encode() + b"\n" + read(path))
        corpora["estate"].add(b"\0".join(parts))
    for target, corpus in sorted(corpora.items()):
        print(f"{target}: {corpus.count} seeds")


if __name__ == "__main__":
    main()
