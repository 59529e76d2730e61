"""Peak resident memory of a process, for the benchmarks (the one copy they share).

Two ways, both reading the process's own high-water mark:

- :func:`own_peak_kib`: this process's peak (``VmHWM`` in ``/proc/self/status``),
  for a benchmark that runs its workload in a child of its own making;
- :func:`run`: one child command, its wall time, exit code, stderr and peak
  RSS: ``VmHWM`` sampled from ``/proc/PID/status`` while it runs (which still
  works past a timeout), and the ``ru_maxrss`` that ``wait4`` reports when it
  ends (which catches a peak between two samples).

Why not ``ru_maxrss`` alone: on Linux it survives ``exec``, so a child started
from a larger parent would report the parent's peak. It is used only when it
exceeds this process's own peak at the start (then it must be the child's).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass

#: seconds between two samples of a running child's VmHWM
SAMPLE = 0.02


def _hwm_kib(pid: int | str) -> int | None:
    """``VmHWM`` of a process in KiB; None when it is gone (or not Linux)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of a running process so far (``/proc/PID/stat``); None when
    it is gone (or not Linux)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _maxrss_kib(maxrss: int) -> int:
    return maxrss // 1024 if sys.platform == "darwin" else maxrss  # bytes on macOS, KiB elsewhere


def own_peak_kib() -> int:
    """This process's own peak resident memory, KiB (``ru_maxrss`` where there is no /proc)."""
    hwm = _hwm_kib("self")
    if hwm is not None:
        return hwm
    return _maxrss_kib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


@dataclass(frozen=True)
class Run:
    """One child process, measured.

    Attributes:
        seconds: wall time.
        peak: peak RSS in bytes.
        returncode: the exit code (-9 when killed at the timeout).
        stderr: what it wrote on stderr (UTF-8, bad bytes replaced).
        timed_out: killed at the timeout.
        cpu: CPU seconds of the child (user + system, from ``wait4``).
    """

    seconds: float
    peak: int
    returncode: int
    stderr: str
    timed_out: bool = False
    cpu: float = 0.0


def run(
    args: Sequence[str | os.PathLike[str]],
    *,
    stdout: str | os.PathLike[str] | None = None,
    timeout: float | None = None,
    env: dict[str, str] | None = None,
    cpu_timeout: float | None = None,
) -> Run:
    """Run ``args`` to its end (or a timeout), measuring its time and peak memory.

    Args:
        args: the command.
        stdout: a file for its standard output (default: discarded).
        timeout: seconds of wall time after which it is killed (``timed_out``, exit -9).
        env: its environment (default: this one).
        cpu_timeout: seconds of its CPU time after which it is killed (sampled; on a
            shared machine CPU time grows at the same pace whatever the load, wall
            time does not).
    """
    floor = own_peak_kib()
    with tempfile.TemporaryFile() as err, open(stdout or os.devnull, "wb") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=err, env=env)
        peak_kib, status, usage, timed_out = 0, 0, None, False
        while usage is None:
            peak_kib = max(peak_kib, _hwm_kib(proc.pid) or 0)
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                usage = rusage
            elif not timed_out and (  # killed once: Popen.kill again could reap it before wait4
                    (timeout is not None and time.perf_counter() - t0 > timeout)
                    or (cpu_timeout is not None and (_cpu_seconds(proc.pid) or 0.0) > cpu_timeout)):
                proc.kill()
                timed_out = True
            else:
                time.sleep(SAMPLE)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
        final = _maxrss_kib(usage.ru_maxrss)
        if final > floor:  # larger than anything this process had: the child's own
            peak_kib = max(peak_kib, final)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, peak_kib * 1024, -9 if timed_out else proc.returncode, text, timed_out, cpu)

