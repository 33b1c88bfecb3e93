"""coproduction: measure and improve how services work with parent carers and young people with SEND.

The public face of the library. Everything here is re-exported from the
module that defines it.
"""

from coproduction.api import (
    PlainEnglishChecker,
    check_charter,
    check_document,
    check_plain_english,
    default_checker,
    export_context,
    from_dict,
    load,
    loads,
)
from coproduction.catalogue import Catalogue, default_catalogue
from coproduction.contract import schemas, serialization
from coproduction.contract.serialization import dump, dumps, to_dict
from coproduction.errors import (
    BatchError,
    CoproductionError,
    ExporterConflictError,
    ExporterNotFoundError,
    ExportError,
    IncomparableAuditsError,
    InvalidDocumentError,
    Problem,
    UnknownCatalogueItemError,
    UnknownFrameworkError,
    UnknownGlossaryError,
    UnknownLadderError,
    UnreadableFileError,
    UnsupportedDocumentError,
)
from coproduction.exporters import ExportContext
from coproduction.exporters.documents import (
    AuditReport,
    AuditTemplate,
    CouncilSummary,
    LadderAssessmentTemplate,
    LadderComparisonReport,
)
from coproduction.exporters.practice_documents import (
    BarriersSurveyTemplate,
    EvaluationSlipTemplate,
    activity_fingerprint,
    barrier_fingerprint,
    survey_text,
)
from coproduction.model._metadata import NOT_PROSE, PROSE_KEY
from coproduction.model.activity import (
    MAX_RATING,
    Activity,
    ActivityStep,
    EvaluationQuestion,
    EvaluationSlip,
    PlannedStep,
    PlanningAnswer,
    PlanningQuestion,
    StepStatus,
    TakingPart,
)
from coproduction.model.approaches import (
    Approach,
    ApproachCollection,
    AuthoredBy,
    CaseStudy,
    CaseStudyQuote,
    CaseStudySection,
    Introduction,
)
from coproduction.model.audit import Audit, Response
from coproduction.model.barriers import (
    Barrier,
    BarrierCollection,
    BarrierList,
    Basis,
    HelpLink,
    Note,
    PriorityGroup,
    PriorityGroups,
    Suggestion,
    TargetKind,
)
from coproduction.model.barriers_survey import BarrierCount, BarriersReturn, BarriersSummary
from coproduction.model.calendar import Calendar, CalendarEvent, EventKind
from coproduction.model.catalogue import CatalogueLookup
from coproduction.model.charter import (
    Charter,
    CharterValue,
    Commitment,
    CriteriaRef,
    Expectation,
    SignOff,
    TimeFrame,
    TimeUnit,
)
from coproduction.model.comparison import (
    Agreement,
    AuditReference,
    Comparison,
    CriterionComparison,
    PerspectiveRating,
    PerspectiveScore,
)
from coproduction.model.contributors import Contributor, Group
from coproduction.model.feedback import (
    MAX_THEME_LENGTH,
    Channel,
    FeedbackEntry,
    FeedbackLog,
    FeedbackResponse,
    FeedbackStatus,
    FeedbackSummary,
    StatusCounts,
    ThemeSummary,
)
from coproduction.model.framework import Criterion, Field, Framework, Level, RatingScale, Section
from coproduction.model.glossary import Glossary, Term
from coproduction.model.ladder import (
    Band,
    Ladder,
    LadderAssessment,
    LadderComparison,
    Placement,
    Rung,
    RungDisagreement,
    RungPractice,
)
from coproduction.model.levels import ParticipationLevel
from coproduction.model.organisation import Organisation, Perspective
from coproduction.model.plan import Action, ActionPlan, ActionStatus, RungTarget
from coproduction.model.pooled import DEFAULT_MINIMUM_GROUP, PooledCriterion, PooledText, PooledView
from coproduction.model.progress import (
    CriterionProgress,
    Movement,
    Progress,
    ProgressRound,
    RoundRating,
    SectionProgress,
    UnsharedCriteria,
)
from coproduction.model.progress import ProgressRound as ProgressCycle  # deprecated name, kept for 0.x callers
from coproduction.model.progress import RoundRating as CycleRating  # deprecated name, kept for 0.x callers
from coproduction.model.scores import Score, ScoreReport, SectionScore
from coproduction.model.source import CitedSource, Edit, Source, SourceEntry
from coproduction.model.wording import ViewpointWording
from coproduction.rules import wording
from coproduction.rules.activities import ActivityStatus, activity_status
from coproduction.rules.barriers_survey import summarise_barriers
from coproduction.rules.calendar import gather_calendar
from coproduction.rules.changes import FrameworkChanges, framework_changes
from coproduction.rules.comparing import agreement_of_spreads, compare_perspectives, same_organisation, weighted_kappa
from coproduction.rules.duplicates import Duplicate, DuplicateCheck, find_duplicates
from coproduction.rules.feedback import check_action_links, you_said_we_did
from coproduction.rules.phrases import Phrase, actions_done, phrase, section_word
from coproduction.rules.placement import compare_ladder_assessments, place
from coproduction.rules.plain_english import (
    DEFAULT_ALLOWED,
    FAMILY_WORDS,
    MAX_SENTENCE_WORDS,
    PlainEnglishFinding,
    Rule,
    terms_used,
    text_fields,
)
from coproduction.rules.planning import Gap, PlanProposal, PlanStatus, check_plan, find_gaps, plan_status, propose_plan
from coproduction.rules.pooling import pool, withheld_note
from coproduction.rules.practice import suggest_approaches
from coproduction.rules.progress import track_progress
from coproduction.rules.scoring import check_audit, score
from coproduction.rules.viewpoints import Worded, examples_for, is_library_authored, worded, wording_for

__version__ = "0.1.0"

__all__ = [
    "Action",
    "ActionPlan",
    "ActionStatus",
    "Activity",
    "ActivityStatus",
    "ActivityStep",
    "Agreement",
    "Approach",
    "ApproachCollection",
    "Audit",
    "AuditReference",
    "AuditReport",
    "AuditTemplate",
    "AuthoredBy",
    "Band",
    "Barrier",
    "BarrierCollection",
    "BarrierCount",
    "BarrierList",
    "BarriersReturn",
    "BarriersSummary",
    "BarriersSurveyTemplate",
    "Basis",
    "BatchError",
    "Calendar",
    "CalendarEvent",
    "CaseStudy",
    "CaseStudyQuote",
    "CaseStudySection",
    "Catalogue",
    "CatalogueLookup",
    "Channel",
    "Charter",
    "CharterValue",
    "CitedSource",
    "Commitment",
    "Comparison",
    "Contributor",
    "CoproductionError",
    "CouncilSummary",
    "CriteriaRef",
    "Criterion",
    "CriterionComparison",
    "CriterionProgress",
    "CycleRating",
    "DEFAULT_ALLOWED",
    "DEFAULT_MINIMUM_GROUP",
    "Duplicate",
    "DuplicateCheck",
    "Edit",
    "EvaluationQuestion",
    "EvaluationSlip",
    "EvaluationSlipTemplate",
    "EventKind",
    "Expectation",
    "ExportContext",
    "ExportError",
    "ExporterConflictError",
    "ExporterNotFoundError",
    "FAMILY_WORDS",
    "FeedbackEntry",
    "FeedbackLog",
    "FeedbackResponse",
    "FeedbackStatus",
    "FeedbackSummary",
    "Field",
    "Framework",
    "FrameworkChanges",
    "Gap",
    "Glossary",
    "Group",
    "HelpLink",
    "IncomparableAuditsError",
    "Introduction",
    "InvalidDocumentError",
    "Ladder",
    "LadderAssessment",
    "LadderAssessmentTemplate",
    "LadderComparison",
    "LadderComparisonReport",
    "Level",
    "MAX_RATING",
    "MAX_SENTENCE_WORDS",
    "MAX_THEME_LENGTH",
    "Movement",
    "NOT_PROSE",
    "Note",
    "Organisation",
    "PROSE_KEY",
    "ParticipationLevel",
    "Perspective",
    "PerspectiveRating",
    "PerspectiveScore",
    "Phrase",
    "Placement",
    "PlainEnglishChecker",
    "PlainEnglishFinding",
    "PlanProposal",
    "PlanStatus",
    "PlannedStep",
    "PlanningAnswer",
    "PlanningQuestion",
    "PooledCriterion",
    "PooledText",
    "PooledView",
    "PriorityGroup",
    "PriorityGroups",
    "Problem",
    "Progress",
    "ProgressCycle",
    "ProgressRound",
    "RatingScale",
    "Response",
    "RoundRating",
    "Rule",
    "Rung",
    "RungDisagreement",
    "RungPractice",
    "RungTarget",
    "Score",
    "ScoreReport",
    "Section",
    "SectionProgress",
    "SectionScore",
    "SignOff",
    "Source",
    "SourceEntry",
    "StatusCounts",
    "StepStatus",
    "Suggestion",
    "TakingPart",
    "TargetKind",
    "Term",
    "ThemeSummary",
    "TimeFrame",
    "TimeUnit",
    "UnknownCatalogueItemError",
    "UnknownFrameworkError",
    "UnknownGlossaryError",
    "UnknownLadderError",
    "UnreadableFileError",
    "UnsharedCriteria",
    "UnsupportedDocumentError",
    "ViewpointWording",
    "Worded",
    "actions_done",
    "activity_fingerprint",
    "activity_status",
    "agreement_of_spreads",
    "barrier_fingerprint",
    "check_action_links",
    "check_audit",
    "check_charter",
    "check_document",
    "check_plain_english",
    "check_plan",
    "compare_ladder_assessments",
    "compare_perspectives",
    "default_catalogue",
    "default_checker",
    "dump",
    "dumps",
    "examples_for",
    "export_context",
    "find_duplicates",
    "find_gaps",
    "framework_changes",
    "from_dict",
    "gather_calendar",
    "is_library_authored",
    "load",
    "loads",
    "phrase",
    "place",
    "plan_status",
    "pool",
    "propose_plan",
    "same_organisation",
    "schemas",
    "score",
    "section_word",
    "serialization",
    "suggest_approaches",
    "summarise_barriers",
    "survey_text",
    "terms_used",
    "text_fields",
    "to_dict",
    "track_progress",
    "weighted_kappa",
    "withheld_note",
    "worded",
    "wording",
    "wording_for",
    "you_said_we_did",
]
