"""coproduction-xlsx: Excel workbooks for coproduction audits.

Fillable audit templates that are read back safely, audit reports whose
scores are live formulas, and council summaries of thousands of audits
written in constant memory. Registered as the ``xlsx`` exporter.
"""

from coproduction_xlsx._archive import ArchiveLimits
from coproduction_xlsx._exporter import XlsxExporter
from coproduction_xlsx._summary import CouncilSummary, write_summary

__version__ = "0.1.0"

__all__ = ["ArchiveLimits", "CouncilSummary", "XlsxExporter", "write_summary"]
