"""Filled templates read back exactly: property tests over any framework, and worked examples."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coproduction as c
from coproduction.testing import audits, frameworks

PROPERTY = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def frameworks_and_audits(draw: st.DrawFn) -> tuple[c.Framework, c.Audit]:
    framework = draw(frameworks())
    return framework, draw(audits(framework))


@PROPERTY
@given(pair=frameworks_and_audits())
def test_a_template_filled_as_word_does_reads_back_as_the_same_audit(helpers, pair) -> None:
    framework, audit = pair
    template = c.AuditTemplate(framework, audit.perspective)
    filled = helpers.fill_values(helpers.export_bytes(template), helpers.audit_values(audit, framework))
    back = helpers.read_bytes(filled, catalogue=c.Catalogue([framework]))
    assert helpers.normalised(back, framework) == helpers.normalised(audit, framework)
    assert [response.criterion for response in back.responses] == [criterion.id for criterion in framework.criteria]


@PROPERTY
@given(pair=frameworks_and_audits(), perspective=st.sampled_from(list(c.Perspective)))
def test_an_untouched_template_reads_as_unanswered(helpers, pair, perspective) -> None:
    framework, audit = pair
    template = c.AuditTemplate(framework, perspective, organisation=audit.organisation, date=audit.date)
    back = helpers.read_bytes(helpers.export_bytes(template), catalogue=c.Catalogue([framework]))
    assert back.organisation == audit.organisation
    assert back.date == audit.date
    assert back.perspective == perspective
    assert back.completed_by is None
    assert all(response == c.Response(criterion=response.criterion) for response in back.responses)


def test_builtin_frameworks_round_trip_every_kind_of_value(helpers, catalogue) -> None:
    for framework in catalogue.frameworks():
        levels = [level.id for level in framework.scale.levels]
        responses = []
        for index, criterion in enumerate(framework.criteria):
            if framework.allows_not_applicable and index % 5 == 4:
                responses.append(c.Response(criterion=criterion.id, not_applicable=True, evidence="Not a school."))
            elif index % 7 == 6:
                responses.append(c.Response(criterion=criterion.id, next_steps="Decide at the next meeting"))
            else:
                responses.append(
                    c.Response(
                        criterion=criterion.id,
                        rating=levels[index % len(levels)],
                        evidence=f"  Line one\nLine two: caf\u00e9, \u0141\u00f3d\u017a, "
                        f"\u65e5\u672c, \U0001f600\t{index}  ",
                        required_actions="Book training\n\n\u2022 for all staff",
                        next_steps="",
                    )
                )
        audit = c.Audit(
            framework=framework.id,
            framework_version=framework.version,
            organisation=c.Organisation("St Mary's C of E Primary & Nursery <Annexe>", "100234"),
            perspective=c.Perspective.PARENT_CARERS,
            date=dt.date(2025, 2, 28),
            responses=responses,
            completed_by="A. Parent\nChair, parent carer forum",
        )
        template = c.AuditTemplate(framework, c.Perspective.SCHOOL_STAFF)  # the filler changes the perspective
        filled = helpers.fill_values(helpers.export_bytes(template), helpers.audit_values(audit, framework))
        back = helpers.read_bytes(filled)
        assert back == audit, framework.id


def test_a_placeholder_left_in_reads_as_unanswered(helpers, worcestershire) -> None:
    template = c.AuditTemplate(
        worcestershire, c.Perspective.JOINT, organisation=c.Organisation("Oak School"), date=dt.date(2025, 1, 6)
    )
    # Only one criterion answered; every other control still shows its prompt.
    filled = helpers.fill_values(helpers.export_bytes(template), {"shared-values-2:rating": "developing"})
    back = helpers.read_bytes(filled)
    answered = [response for response in back.responses if response.rating]
    assert [(r.criterion, r.rating) for r in answered] == [("shared-values-2", "developing")]
    assert all(r.evidence == r.required_actions == r.next_steps == "" for r in back.responses)


def test_a_prompt_kept_as_plain_text_reads_as_unanswered(helpers, worcestershire) -> None:
    # LibreOffice can drop w:showingPlcHdr and keep the prompt as ordinary text.
    template = c.AuditTemplate(
        worcestershire, c.Perspective.JOINT, organisation=c.Organisation("Oak School"), date=dt.date(2025, 1, 6)
    )
    data = helpers.rewrite_part(
        helpers.export_bytes(template), "word/document.xml", lambda xml: xml.replace(b"<w:showingPlcHdr/>", b"")
    )
    back = helpers.read_bytes(data)
    assert all(response == c.Response(criterion=response.criterion) for response in back.responses)


def test_ratings_typed_in_other_ways_are_accepted(helpers, worcestershire) -> None:
    template = c.AuditTemplate(
        worcestershire, c.Perspective.JOINT, organisation=c.Organisation("Oak School"), date=dt.date(2025, 1, 6)
    )
    values = {
        "shared-values-1:rating": "  embedded ",  # case and spaces
        "shared-values-2:rating": "developing",  # the id, shown as its name by the filler
        "shared-values-3:rating": "EMERGING",
    }
    back = helpers.read_bytes(helpers.fill_values(helpers.export_bytes(template), values))
    ratings = {response.criterion: response.rating for response in back.responses}
    assert ratings["shared-values-1"] == "embedded"
    assert ratings["shared-values-2"] == "developing"
    assert ratings["shared-values-3"] == "emerging"


def test_dates_typed_by_hand_are_read(helpers, worcestershire) -> None:
    template = c.AuditTemplate(worcestershire, c.Perspective.JOINT, organisation=c.Organisation("Oak School"))
    blank = helpers.export_bytes(template)
    for typed, expected in [
        ("3/4/2025", dt.date(2025, 4, 3)),
        ("03-04-2025", dt.date(2025, 4, 3)),
        ("2025-04-03", dt.date(2025, 4, 3)),
        ("Thursday, 3rd April 2025", dt.date(2025, 4, 3)),
        ("3 Apr 2025", dt.date(2025, 4, 3)),
    ]:
        # Typed over the control: the text changes but no w:fullDate is set.
        def change(xml: bytes, typed: str = typed) -> bytes:
            return xml.replace(b"Choose or type the date", typed.encode()).replace(
                b"<w:showingPlcHdr/><w:date", b"<w:date"
            )

        back = helpers.read_bytes(helpers.rewrite_part(blank, "word/document.xml", change))
        assert back.date == expected, typed


def test_a_control_that_word_turned_into_several_paragraphs(helpers, worcestershire) -> None:
    # Pressing Enter in a rich-text control makes Word store it as a block of paragraphs in the cell.
    template = c.AuditTemplate(
        worcestershire, c.Perspective.JOINT, organisation=c.Organisation("Oak School"), date=dt.date(2025, 1, 6)
    )
    filled = helpers.fill_values(helpers.export_bytes(template), {"staff-2:evidence": "MARKER"})

    def change(xml: bytes) -> bytes:
        from lxml import etree

        w = f"{{{helpers.W}}}"
        root = etree.fromstring(xml)
        sdt = next(s for s in root.iter(f"{w}sdt") if s.find(f"{w}sdtPr/{w}tag").get(f"{w}val") == "staff-2:evidence")
        paragraph = sdt.getparent()
        cell = paragraph.getparent()
        content = sdt.find(f"{w}sdtContent")
        for child in list(content):
            content.remove(child)
        for line in ("First paragraph", "", "Third \u2013 with a tab\there"):
            p = etree.SubElement(content, f"{w}p")
            p.append(helpers_run(helpers, line))
        cell.replace(paragraph, sdt)
        return etree.tostring(root)

    back = helpers.read_bytes(helpers.rewrite_part(filled, "word/document.xml", change))
    assert back.response("staff-2").evidence == "First paragraph\n\nThird \u2013 with a tab\there"


def helpers_run(helpers, text: str):
    from lxml import etree

    w = f"{{{helpers.W}}}"
    run = etree.Element(f"{w}r")
    for index, piece in enumerate(text.split("\t")):
        if index:
            etree.SubElement(run, f"{w}tab")
        if piece:
            etree.SubElement(run, f"{w}t").text = piece
    return run


def test_the_printed_stamp_is_used_when_the_properties_are_lost(helpers, worcestershire) -> None:
    template = c.AuditTemplate(
        worcestershire, c.Perspective.JOINT, organisation=c.Organisation("Oak School"), date=dt.date(2025, 1, 6)
    )
    filled = helpers.fill_values(helpers.export_bytes(template), {"leadership-1:rating": "embedded"})
    stripped = helpers.rewrite_part(filled, "docProps/custom.xml", lambda xml: b"<Properties/>")
    back = helpers.read_bytes(stripped)
    assert back.response("leadership-1").rating == "embedded"
