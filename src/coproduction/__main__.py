"""``python -m coproduction``: the command line."""

from coproduction.cli import main

raise SystemExit(main())
