"""Exporter plugins: the protocol, the registry over entry points, the JSON exporter."""

from coproduction.exporters._practice_protocol import BarriersSurveyReader, EvaluationSlipReader
from coproduction.exporters._protocol import (
    ENTRY_POINT_GROUP,
    ActionPlanReader,
    ExportContext,
    Exporter,
    LadderAssessmentReader,
    SitePublisher,
    TemplateReader,
)
from coproduction.exporters._registry import ExporterInfo, ExporterRegistry, default_registry

__all__ = [
    "ENTRY_POINT_GROUP",
    "ActionPlanReader",
    "BarriersSurveyReader",
    "EvaluationSlipReader",
    "ExportContext",
    "Exporter",
    "ExporterInfo",
    "ExporterRegistry",
    "LadderAssessmentReader",
    "SitePublisher",
    "TemplateReader",
    "default_registry",
]
