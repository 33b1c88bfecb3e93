"""Web page (HTML) exporter for coproduction.

Writes accessible, self-contained pages (no script, nothing fetched from
elsewhere) for a Local Offer: "you said, we did", a charter, an audit report,
a comparison of viewpoints and an action plan's progress; and publishes many
schools' documents as a static site with an index and a JSON feed. Registered
as the ``html`` exporter under the ``coproduction.exporters`` entry-point group.
"""

from coproduction_html._exporter import HtmlExporter
from coproduction_html._site import PublishedPage, Site, publish_site

__all__ = ["HtmlExporter", "PublishedPage", "Site", "publish_site"]
