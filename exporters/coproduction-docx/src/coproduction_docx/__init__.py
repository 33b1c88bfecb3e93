"""Word (.docx) exporter for coproduction.

Writes fillable audit templates, readable audit reports and the documents of
the co-production cycle (a comparison of perspectives, progress across audits,
an action plan, a charter and a "you said, we did" log), and reads filled
templates back into audits. Registered as the ``docx`` exporter under the
``coproduction.exporters`` entry-point group.
"""

from coproduction.exporters.office import ArchiveLimits
from coproduction_docx._exporter import DocxExporter

__all__ = ["ArchiveLimits", "DocxExporter"]
