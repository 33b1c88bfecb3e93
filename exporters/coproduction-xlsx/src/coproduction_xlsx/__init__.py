"""coproduction-xlsx: Excel workbooks for coproduction audits.

Fillable audit templates that are read back safely, audit reports whose
scores are live formulas, council summaries of thousands of audits
written in constant memory, and the co-production cycle's workbooks: action
plans a school keeps up to date that are read back, comparisons of
perspectives, progress across audit cycles and "you said, we did" logs.
Registered as the ``xlsx`` exporter.
"""

from coproduction.exporters.office import ArchiveLimits
from coproduction_xlsx._exporter import XlsxExporter
from coproduction_xlsx._summary import CouncilSummary, write_summary

__version__ = "0.1.0"

__all__ = ["ArchiveLimits", "CouncilSummary", "XlsxExporter", "write_summary"]
