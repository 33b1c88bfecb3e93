"""Hostile Office packages for the tests: zip directories that lie, parts that inflate enormously.

Every package is written by hand (local headers, data, central directory), so
a test can declare sizes that have nothing to do with what a part really holds.
"""

from __future__ import annotations

import functools
import io
import struct
import subprocess
import sys
import textwrap
import zipfile
import zlib

MIB = 1024 * 1024
GIB = 1024 * MIB


@functools.lru_cache(maxsize=4)
def deflated_zeros(size: int, block: int = MIB) -> bytes:
    """A raw deflate stream of ``size`` zero bytes, made in milliseconds from one fully flushed block repeated."""
    assert size % block == 0
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    one = compressor.compress(bytes(block)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return one * (size // block) + compressor.flush(zlib.Z_FINISH)


def build_zip(entries: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip of ``(name, stored bytes, method, declared uncompressed size, declared CRC)`` entries, as given."""
    out = io.BytesIO()
    central = []
    for name, raw, method, declared, crc in entries:
        encoded = name.encode("utf-8")
        offset = out.tell()
        out.write(
            struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0x800, method, 0, 0, crc, len(raw), declared, len(encoded), 0)
        )
        out.write(encoded)
        out.write(raw)
        central.append(
            struct.pack(
                "<4s6H3L5H2L",
                b"PK\x01\x02",
                20,
                20,
                0x800,
                method,
                0,
                0,
                crc,
                len(raw),
                declared,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    start = out.tell()
    for record in central:
        out.write(record)
    size = out.tell() - start
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), size, start, 0))
    return out.getvalue()


def honest_entries(package: bytes) -> list[tuple[str, bytes, int, int, int]]:
    """The entries of a real package, recompressed, ready for :func:`build_zip`."""
    archive = zipfile.ZipFile(io.BytesIO(package))
    entries = []
    for info in archive.infolist():
        data = archive.read(info)
        compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
        entries.append((info.filename, compressor.compress(data) + compressor.flush(), 8, len(data), zlib.crc32(data)))
    return entries


def lying_package(package: bytes, part: str, real_size: int = 2 * GIB) -> bytes:
    """``package`` with ``part`` replaced by ``real_size`` zeros whose headers declare the part's old, small size."""
    entries = []
    for name, raw, method, declared, crc in honest_entries(package):
        if name == part:
            raw = deflated_zeros(real_size)
        entries.append((name, raw, method, declared, crc))
    return build_zip(entries)


def high_ratio_package(package: bytes, part: str, content: bytes) -> bytes:
    """``package`` with ``part`` holding ``content``, honestly declared (a real, very compressible part)."""
    entries = []
    for name, raw, method, declared, crc in honest_entries(package):
        if name == part:
            compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
            raw, declared, crc = compressor.compress(content) + compressor.flush(), len(content), zlib.crc32(content)
        entries.append((name, raw, method, declared, crc))
    return build_zip(entries)


_MEASURE = """
import io, resource, sys, time, traceback
{setup}
data = open(sys.argv[1], "rb").read()
start = time.perf_counter()
try:
    {call}
    outcome = "accepted"
except CoproductionError as error:
    outcome = "refused: " + str(error)
except BaseException:
    outcome = "crashed: " + traceback.format_exc()
seconds = time.perf_counter() - start
try:  # the high-water mark of this process alone (ru_maxrss can carry the parent's over exec)
    status = open("/proc/self/status").read()
    peak = int(status.split("VmHWM:")[1].split()[0]) * 1024
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(repr((outcome, seconds, peak)))
"""


def measure(path: str, setup: str, call: str) -> tuple[str, float, int]:
    """Run ``call`` on the file at ``path`` in a fresh interpreter: (outcome, seconds for the call, peak RSS bytes)."""
    script = _MEASURE.format(setup=textwrap.dedent(setup), call=call)
    result = subprocess.run(
        [sys.executable, "-c", script, path], capture_output=True, text=True, timeout=120, check=True
    )
    outcome, seconds, peak = eval(result.stdout.strip().splitlines()[-1])  # our own repr, from the child process
    return outcome, seconds, peak
