"""Word (.docx) exporter for coproduction.

Writes fillable audit templates and readable audit reports, and reads filled
templates back into audits. Registered as the ``docx`` exporter under the
``coproduction.exporters`` entry-point group.
"""

from coproduction_docx._exporter import DocxExporter
from coproduction_docx._package import ArchiveLimits

__all__ = ["ArchiveLimits", "DocxExporter"]
