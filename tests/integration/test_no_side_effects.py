"""Validation, import and export touch nothing but their own input and output: no socket, no other file.

Each operation runs in a fresh Python process under an audit hook
(``sys.addaudithook``) that records every file opened, listed, renamed or
removed, every socket, URL, process and import event. Every operation runs
once first, so that modules and caches are loaded, and is recorded the second
time. An export may also open the temporary file beside its output that the
atomic write renames into place.

One exception, documented in SECURITY.md: openpyxl, which the Excel exporter
uses, writes each worksheet through a temporary file of its own
(``openpyxl.*`` in the system's temporary folder) and removes it before the
workbook is finished. The test allows exactly that, and checks that every such
file was removed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from bad_inputs import json_audit
from helpers import ROOT
from office_files import filled

import coproduction as cp

pytest.importorskip("coproduction_docx", reason="the docx exporter is installed by scripts/test")
pytest.importorskip("coproduction_xlsx", reason="the xlsx exporter is installed by scripts/test")

SCRIPT = textwrap.dedent(
    """
    import io, json, sys
    from pathlib import Path

    import coproduction as cp
    from coproduction.exporters import default_registry

    folder = Path(sys.argv[1])
    registry = default_registry()
    catalogue = cp.default_catalogue()
    framework = catalogue.framework("worcestershire-seven-quality-standards")
    audit = cp.load(folder / "in" / "audit.json", cp.Audit)
    template = cp.AuditTemplate(framework, "parent-carers", organisation=cp.Organisation("Oak"))
    report = cp.AuditReport(audit, framework)
    context = cp.export_context()


    def export(document, out):
        return registry.export(document, out, context=context)


    def read(name, suffix):
        with open(folder / "in" / f"filled{suffix}", "rb") as stream:
            return registry.reader(name).read(stream, cp.export_context(catalogue=catalogue))


    OPERATIONS = {
        "validate a JSON file": (lambda out: cp.load(folder / "in" / "audit.json"), "audit.json", None),
        "validate JSON text": (lambda out: cp.loads(TEXT, cp.Audit), None, None),
        "import JSON": (lambda out: read("json", ".json"), "filled.json", None),
        "import Word": (lambda out: read("docx", ".docx"), "filled.docx", None),
        "import Excel": (lambda out: read("xlsx", ".xlsx"), "filled.xlsx", None),
        "export a JSON audit": (lambda out: cp.dump(audit, out), None, "audit.json"),
        "export JSON through the registry": (lambda out: export(report, out), None, "scores.json"),
        "export a Word template": (lambda out: export(template, out), None, "template.docx"),
        "export a Word report": (lambda out: export(report, out), None, "report.docx"),
        "export an Excel template": (lambda out: export(template, out), None, "template.xlsx"),
        "export an Excel report": (lambda out: export(report, out), None, "report.xlsx"),
        "export an Excel council summary": (
            lambda out: export(cp.CouncilSummary([audit, audit]), out), None, "summary.xlsx"
        ),
    }
    TEXT = (folder / "in" / "audit.json").read_bytes()

    for name, (operation, _, output) in OPERATIONS.items():  # warm up: imports, caches
        operation(folder / "warm" / (output or "unused"))

    WATCHED = ("open", "os.listdir", "os.scandir", "os.rename", "os.remove", "os.rmdir", "os.mkdir", "shutil.")
    NETWORK = ("socket.", "urllib.", "http.", "ftplib.", "smtplib.", "subprocess.", "os.system", "os.exec",
               "os.posix_spawn", "os.spawn", "os.fork", "webbrowser.", "ctypes.dlopen", "import")
    events = []
    recording = False


    def hook(event, args):
        if not recording:
            return
        if event.startswith(WATCHED):
            path = args[0] if args else None
            if isinstance(path, bytes):
                path = path.decode("utf-8", "replace")
            if isinstance(path, int) or path is None:
                return  # an already open file descriptor
            events.append([event, str(path)])
        elif event.startswith(NETWORK):
            events.append([event, repr(args)[:200]])


    sys.addaudithook(hook)
    results = {}
    for name, (operation, _, output) in OPERATIONS.items():
        events = []
        recording = True
        try:
            operation(folder / "out" / (output or "unused"))
        finally:
            recording = False
        results[name] = events
    import tempfile

    print(json.dumps({"tempdir": tempfile.gettempdir(), "results": results}))
    """
)


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[str, list[list[str]]]]:
    folder = tmp_path_factory.mktemp("side-effects")
    for name in ("in", "warm", "out"):
        (folder / name).mkdir()
    framework = cp.default_catalogue().framework("worcestershire-seven-quality-standards")
    text = json_audit(framework, 7)
    (folder / "in" / "audit.json").write_text(text, "utf-8")
    (folder / "in" / "filled.json").write_text(text, "utf-8")
    ratings = {criterion.id: "developing" for criterion in framework.criteria[:9]}
    (folder / "in" / "filled.docx").write_bytes(filled(framework, "docx", "Oak", ratings))
    (folder / "in" / "filled.xlsx").write_bytes(filled(framework, "xlsx", "Oak", ratings))
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(folder)], capture_output=True, text=True, timeout=300, check=False, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    return folder, data["tempdir"], data["results"]


OPERATIONS = {
    "validate a JSON file": ("audit.json", None),
    "validate JSON text": (None, None),
    "import JSON": ("filled.json", None),
    "import Word": ("filled.docx", None),
    "import Excel": ("filled.xlsx", None),
    "export a JSON audit": (None, "audit.json"),
    "export JSON through the registry": (None, "scores.json"),
    "export a Word template": (None, "template.docx"),
    "export a Word report": (None, "report.docx"),
    "export an Excel template": (None, "template.xlsx"),
    "export an Excel report": (None, "report.xlsx"),
    "export an Excel council summary": (None, "summary.xlsx"),
}


@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_only_the_input_and_output_are_touched(
    recorded: tuple[Path, str, dict[str, list[list[str]]]], operation: str
) -> None:
    folder, tempdir, results = recorded
    source, output = OPERATIONS[operation]
    events = results[operation]
    assert not [event for event in events if not event[0].startswith(("open", "os."))], events  # no network etc.
    allowed = {str(folder / "in" / source)} if source else set()
    touched = set()
    openpyxl_files: dict[str, set[str]] = {"open": set(), "os.remove": set()}
    for event, path in events:
        file = Path(path)
        if "Excel" in operation and (
            path == tempdir or (file.parent == Path(tempdir) and file.name.startswith("openpyxl."))
        ):
            if path != tempdir:
                openpyxl_files.setdefault(event, set()).add(path)
            continue
        if output and file.parent == folder / "out" and file.name.startswith(f".{output}.") and file.suffix == ".part":
            assert event in ("open", "os.rename", "os.remove"), (event, path)
            touched.add("temporary file beside the output")
            continue
        assert path in allowed or (output and path == str(folder / "out" / output)), (operation, event, path)
        touched.add(path)
    assert openpyxl_files["open"] == openpyxl_files["os.remove"]  # openpyxl removed every worksheet it spooled
    assert set(openpyxl_files) == {"open", "os.remove"}
    if source:
        assert touched == allowed  # the input itself was read, and nothing else
    if output:
        assert "temporary file beside the output" in touched  # written through the atomic temporary file
        assert (folder / "out" / output).stat().st_size > 0
        assert [p.name for p in (folder / "out").iterdir() if p.name.startswith(".")] == []


def test_the_hook_sees_what_it_must(tmp_path: Path) -> None:
    """The recording really catches an opened file and a socket (a hook that sees nothing would pass anything)."""
    script = textwrap.dedent(
        """
        import socket, sys
        seen = []
        sys.addaudithook(lambda event, args: seen.append(event) if event in ("open", "socket.__new__") else None)
        open(sys.argv[1], "w").close()
        socket.socket().close()
        print(sorted(set(seen)))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "x")], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "['open', 'socket.__new__']"
