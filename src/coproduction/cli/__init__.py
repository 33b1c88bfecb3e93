"""The ``coproduction`` command line, for council officers and SENCos.

Exit codes: 0 success; 1 invalid input (every problem listed); 2 usage error.
A user's mistake never shows a traceback.
"""

from coproduction.cli._main import main

__all__ = ["main"]
