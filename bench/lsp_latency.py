#!/usr/bin/env python3
"""Edit -> publish latency of `ztlint lsp` on a large Terraform workspace.

usage: bench/lsp_latency.py ZTLINT_BINARY [--files 500] [--lines 2000] [--edits 40]
                            [--at end|middle]

Generates a workspace of FILES Terraform files (spokes with a VNet, subnets, NSGs and
associations; every seventh spoke has a subnet without NSG), one of which is a LINES-line
file, opens that file in `ztlint lsp`, and times EDITS incremental edits (alternately
adding and removing an association, so findings change) from the didChange to the
publishDiagnostics of the new version. Prints p50/p95/max in milliseconds, and the CPU
time the server spent per edit (which a busy host disturbs far less than latency).
This is a benchmark, not a test: it asserts nothing.
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, threading, time, queue


def spoke(i, subnets, flawed):
    b, c = 10 + i // 250, i % 250
    out = [f'''resource "azurerm_virtual_network" "spoke{i}" {{
  name                = "vnet-spoke{i}"
  location            = "westeurope"
  resource_group_name = "rg-spoke{i}"
  address_space       = ["{b}.{c}.0.0/16"]
}}
''']
    for s in range(subnets):
        out.append(f'''
resource "azurerm_subnet" "s{i}_{s}" {{
  name                 = "snet-{s}"
  resource_group_name  = "rg-spoke{i}"
  virtual_network_name = azurerm_virtual_network.spoke{i}.name
  address_prefixes     = ["{b}.{c}.{s}.0/24"]
}}

resource "azurerm_network_security_group" "n{i}_{s}" {{
  name                = "nsg-{i}-{s}"
  location            = "westeurope"
  resource_group_name = "rg-spoke{i}"
}}
''')
        if not (flawed and s == subnets - 1):
            out.append(f'''
resource "azurerm_subnet_network_security_group_association" "a{i}_{s}" {{
  subnet_id                 = azurerm_subnet.s{i}_{s}.id
  network_security_group_id = azurerm_network_security_group.n{i}_{s}.id
}}
''')
    return "".join(out)


def generate(root, files, lines):
    for i in range(files - 1):
        with open(os.path.join(root, f"spoke{i:05d}.tf"), "w") as f:
            f.write(spoke(i, 2, i % 7 == 0))
    # The big file: one spoke with as many subnets as fit in LINES lines.
    i, subnets = files - 1, 1
    while spoke(i, subnets + 1, False).count("\n") <= lines - 20:
        subnets += 1
    text = spoke(i, subnets, False)
    text += "\n" * max(0, lines - text.count("\n"))
    with open(os.path.join(root, "big.tf"), "w") as f:
        f.write(text)
    return text


class Client:
    def __init__(self, argv, cwd):
        self.p = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.q = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        f = self.p.stdout
        while True:
            length = None
            while True:
                line = f.readline()
                if not line:
                    self.q.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            self.q.put((time.monotonic(), json.loads(f.read(length))))

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def wait(self, pred, timeout=120):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                item = self.q.get(timeout=max(0.01, end - time.monotonic()))
            except queue.Empty:
                break
            if item is None:
                break
            if pred(item[1]):
                return item
        raise SystemExit("timed out waiting for the server")


def cpu_seconds(pid):
    """User and system time the process has used, from /proc."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--files", type=int, default=500)
    ap.add_argument("--lines", type=int, default=2000)
    ap.add_argument("--edits", type=int, default=40)
    ap.add_argument("--at", choices=["end", "middle"], default="end",
                    help="where the edits go: after the last block, or between two blocks in "
                         "the middle, which moves every declaration below")
    a = ap.parse_args()
    root = tempfile.mkdtemp(prefix="ztlint-bench-")
    try:
        text = generate(root, a.files, a.lines)
        uri = "file://" + os.path.join(root, "big.tf")
        c = Client([os.path.abspath(a.binary), "lsp"], root)
        c.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"processId": None, "rootUri": "file://" + root, "capabilities": {}}})
        c.wait(lambda m: m.get("id") == 1)
        c.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        t0 = time.monotonic()
        c.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "terraform", "version": 1, "text": text}}})
        published = lambda v: lambda m: (m.get("method") == "textDocument/publishDiagnostics" and
                                          m["params"]["uri"] == uri and
                                          m["params"].get("version") == v)
        t, _ = c.wait(published(1))
        print(f"workspace: {a.files} files, big.tf {text.count(chr(10))} lines; "
              f"first publish after open {1000 * (t - t0):.0f} ms")
        lines = text.split("\n")
        edit_line = len(lines) - 1
        if a.at == "middle":
            edit_line = next(i for i in range(len(lines) // 2, len(lines))
                             if lines[i] == "" and lines[i - 1] == "}")
        association = ('resource "azurerm_subnet_network_security_group_association" "x" {\n'
                       '  subnet_id = azurerm_subnet.s0_0.id\n'
                       '  network_security_group_id = azurerm_network_security_group.n0_0.id\n}\n')
        lat = []
        cpu_before = cpu_seconds(c.p.pid)
        for k in range(a.edits):
            version = k + 2
            at = {"line": edit_line, "character": 0}
            if k % 2 == 0:
                change = {"range": {"start": at, "end": at}, "text": association}
            else:
                change = {"range": {"start": at, "end": {"line": edit_line + 4, "character": 0}},
                          "text": ""}
            t0 = time.monotonic()
            c.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
            t, _ = c.wait(published(version))
            lat.append(1000 * (t - t0))
            time.sleep(0.15)  # a person between edits: each edit is linted on its own
        cpu = cpu_seconds(c.p.pid) - cpu_before
        c.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        c.wait(lambda m: m.get("id") == 2)
        c.send({"jsonrpc": "2.0", "method": "exit"})
        c.p.wait(timeout=30)
        lat.sort()
        p = lambda q: lat[min(len(lat) - 1, int(len(lat) * q))]
        print(f"server CPU per edit {1000 * cpu / len(lat):.1f} ms (all threads; steadier than "
              f"latency on a shared machine)")
        print(f"edit -> publish over {len(lat)} edits at the {a.at}: p50 {p(0.5):.1f} ms, "
              f"p95 {p(0.95):.1f} ms, max {lat[-1]:.1f} ms")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
