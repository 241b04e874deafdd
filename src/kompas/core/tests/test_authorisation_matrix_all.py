# SPDX-License-Identifier: EUPL-1.2
"""Need-to-know over EVERY route (issue 15 item 2), generated from the URL conf: each named
route x role (anonymous, lezer, adviseur, beheerder, regisseur, bibob, partner on a table and
partner on none, adviseur of another gemeente, coordinator of the samenwerkingsverband) gives
the documented answer, on the full demo. Anonymous: public pages 200, staff pages a redirect
to the login, the API 401. Another gemeente's adviseur: 404, also when they name their own
gemeente with an object of Heerenveen. A new route without a rule in RULES fails here.

GET only; POST-only routes are checked for anonymous and foreign callers."""

import re
from fnmatch import fnmatch

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

# Answers: "ok" = 200 (or a redirect after which the page is the user's: 302 not to login);
# "404" = not found, "403" = forbidden, "login" = redirect to the login page, "401" = API
# without credentials, "405" = GET not allowed (POST-only route).
ROLES = (
    "anonymous",
    "lezer",
    "adviseur",
    "beheerder",
    "regisseur",
    "bibob",
    "partner_member",
    "partner_nonmember",
    "adviseur_elsewhere",
    "coordinator",
)

# Rows of answers in the order of ROLES:
# anonymous lezer adviseur beheerder regisseur bibob partner_member partner_nonmember
# adviseur_elsewhere coordinator
INTERNAL_READ = "login ok ok ok 404 ok 404 404 404 ok"
STAFF_WRITE_LEZER_403 = "login 403 ok ok 404 ok 404 404 404 ok"
STAFF_WRITE = "login 404 ok ok 404 ok 404 404 404 ok"
ADMIN_ONLY = "login 404 404 ok 404 404 404 404 404 404"
API_INTERNAL = "401 ok ok ok 404 ok 404 404 404 ok"
PUBLIC = "ok ok ok ok ok ok ok ok ok ok"
POST_ONLY_PAGE = "login 405 405 405 405 405 405 405 405 405"
REGISSEUR_ONLY = "login 404 404 404 ok 404 404 404 404 404"
MEETING_WRITE = "login 404 ok ok 404 ok 403 404 404 ok"
CASE_READ = "login 404 404 ok ok 404 ok 404 404 404"
ANY_LOGIN = "login ok ok ok ok ok ok ok ok ok"
MEETING_READ = "login 404 ok ok 404 ok ok 404 404 ok"
MEETING_MANAGE = "login 403 ok ok 403 ok 403 403 404 ok"
API_MEMBER = "401 ok ok ok ok ok ok ok 404 ok"
MEETINGS_MEMBER = "login ok ok ok ok ok ok ok 404 ok"
# The meldpunt's signals: the roles of the list (beheerder, adviseur; lezers the counts) on
# every signal page and download; the bibob-coördinator 404 like on the list.
SIGNAL_TEAM = "login 404 ok ok 404 404 404 404 404 ok"

RULES = {
    "api-cases-detail": "401 404 404 ok ok 404 ok 404 404 404",
    "api-cases-interventions": "401 404 404 ok ok 404 ok 404 404 404",
    "api-cases-list": "401 404 404 ok ok 404 ok ok 404 404",
    "api-cases-measure-detail": "401 404 404 404 404 ok 404 404 404 404",
    "api-cases-measures": "401 ok ok ok ok ok 404 404 404 ok",
    "api-cases-reveal": "401 405 405 405 405 405 405 405 405 405",
    "api-crisis-functions": API_INTERNAL,
    "api-crisis-oto": API_INTERNAL,
    "api-docs": PUBLIC,
    "api-fenomenen-keuze": API_INTERNAL,
    "api-fenomenen-voorlichting": API_INTERNAL,
    "api-meetings-meeting-detail": "401 404 ok ok 404 ok ok 404 404 ok",
    "api-meetings-meeting-list": API_MEMBER,
    "api-meetings-series-list": API_MEMBER,
    "api-meldpunt-challenge": PUBLIC,
    "api-meldpunt-signal-create": "405 405 405 405 405 405 405 405 405 405",
    "api-municipality-detail": API_MEMBER,
    "api-municipality-list": "401 ok ok ok ok ok ok ok ok ok",
    "api-ondermijning-controles": API_INTERNAL,
    "api-ondermijning-dagen": "401 ok ok ok 404 ok 404 404 ok ok",
    "api-ondermijning-kvo": API_INTERNAL,
    "api-ondermijning-opkopers": API_INTERNAL,
    "api-oo-demonstrations": API_INTERNAL,
    "api-oo-matches": API_INTERNAL,
    # The risk inventory: a partner member reads the items that name their organisation,
    # table or not (partner_nonmember is an OM member on no table), on pages and API alike;
    # the openbare-orde overview (registers) is internal.
    "api-oo-risks": "401 404 ok ok ok ok ok ok 404 ok",
    "api-openapi-json": PUBLIC,
    "api-openapi-yaml": PUBLIC,
    "api-plan-action-detail": API_INTERNAL,
    "api-plan-action-updates": API_INTERNAL,
    "api-plan-actions": API_INTERNAL,
    "api-plan-detail": API_INTERNAL,
    "api-plan-events": API_INTERNAL,
    "api-plan-norms": API_INTERNAL,
    "api-region-detail": API_INTERNAL,
    "api-schema": PUBLIC,
    "api-series": "401 400 400 400 400 400 400 400 400 400",
    "api-targets": "401 ok ok ok ok ok ok ok ok ok",
    "cases:assessment_add": REGISSEUR_ONLY,
    "cases:case_create": REGISSEUR_ONLY,
    "cases:case_detail": CASE_READ,
    "cases:case_edit": REGISSEUR_ONLY,
    "cases:case_list": "login 404 404 ok ok 404 ok ok 404 404",
    "cases:case_reveal": CASE_READ,
    "cases:case_status": REGISSEUR_ONLY,
    "cases:discussion_edit": REGISSEUR_ONLY,
    "cases:intervention_add": REGISSEUR_ONLY,
    "cases:intervention_edit": REGISSEUR_ONLY,
    "cases:listing_add": POST_ONLY_PAGE,
    "cases:listing_end": REGISSEUR_ONLY,
    "cases:measure_create": "login 404 ok ok ok ok 404 404 404 ok",
    "cases:measure_edit": "login 404 ok ok ok ok 404 404 404 ok",
    "cases:measure_list": "login ok ok ok ok ok 404 404 404 ok",
    "cases:meeting_cases": CASE_READ,
    "cases:person_add": REGISSEUR_ONLY,
    "cases:person_erase": ADMIN_ONLY,
    "cases:person_export": ADMIN_ONLY,
    "cases:retention_settings": ADMIN_ONLY,
    "cases:table_detail": CASE_READ,
    "cases:table_list": "login 404 404 ok ok 404 ok ok 404 404",
    "core:audit_list": ADMIN_ONLY,
    "core:beheer": ADMIN_ONLY,
    "core:branding": ADMIN_ONLY,
    "core:health": PUBLIC,
    "core:home": ANY_LOGIN,
    "core:invite_accept": PUBLIC,
    "core:login": PUBLIC,
    "core:logout": POST_ONLY_PAGE,
    "core:member_edit": ADMIN_ONLY,
    "core:member_invite": ADMIN_ONLY,
    "core:member_list": ADMIN_ONLY,
    "core:member_remove": ADMIN_ONLY,
    "core:municipality_home": MEETINGS_MEMBER,
    "core:municipality_logo": "404 404 404 404 404 404 404 404 404 404",
    "core:notification_settings": ANY_LOGIN,
    "core:otp_setup": ANY_LOGIN,
    "core:otp_verify": ANY_LOGIN,
    "core:privacy_register": ADMIN_ONLY,
    "core:region_list": INTERNAL_READ,
    # SSO is off in the suite: both answer 404 (test_sso_oidc walks them with SSO on).
    "core:sso_callback": "404 404 404 404 404 404 404 404 404 404",
    "core:sso_start": "404 404 404 404 404 404 404 404 404 404",
    "crisis:assignment_remove": STAFF_WRITE_LEZER_403,
    "crisis:district_assignment_remove": STAFF_WRITE_LEZER_403,
    "crisis:district_member_create": STAFF_WRITE_LEZER_403,
    "crisis:district_member_detail": INTERNAL_READ,
    "crisis:district_member_edit": STAFF_WRITE_LEZER_403,
    "crisis:district_member_list": INTERNAL_READ,
    "crisis:district_readiness": INTERNAL_READ,
    "crisis:district_register_create": STAFF_WRITE_LEZER_403,
    "crisis:district_register_edit": INTERNAL_READ,
    "crisis:district_register_list": INTERNAL_READ,
    "crisis:member_create": STAFF_WRITE_LEZER_403,
    "crisis:member_detail": INTERNAL_READ,
    "crisis:member_edit": STAFF_WRITE_LEZER_403,
    "crisis:member_list": INTERNAL_READ,
    "crisis:readiness": INTERNAL_READ,
    "crisis:register_create": STAFF_WRITE_LEZER_403,
    "crisis:register_edit": INTERNAL_READ,
    "crisis:register_list": INTERNAL_READ,
    "fenomenen:activity_create": STAFF_WRITE_LEZER_403,
    "fenomenen:activity_delete": STAFF_WRITE_LEZER_403,
    "fenomenen:activity_edit": STAFF_WRITE_LEZER_403,
    "fenomenen:activity_list": INTERNAL_READ,
    "fenomenen:keuze_create": STAFF_WRITE_LEZER_403,
    "fenomenen:keuze_delete": STAFF_WRITE_LEZER_403,
    "fenomenen:keuze_detail": INTERNAL_READ,
    "fenomenen:keuze_edit": STAFF_WRITE_LEZER_403,
    "fenomenen:keuze_list": INTERNAL_READ,
    "fenomenen:spot_create": STAFF_WRITE_LEZER_403,
    "fenomenen:spot_delete": STAFF_WRITE_LEZER_403,
    "fenomenen:spot_edit": STAFF_WRITE_LEZER_403,
    "fenomenen:spot_list": INTERNAL_READ,
    "meetings:action_status": POST_ONLY_PAGE,
    "meetings:agenda_add_reference": POST_ONLY_PAGE,
    "meetings:agenda_edit": MEETING_WRITE,
    "meetings:agenda_propose": POST_ONLY_PAGE,
    "meetings:item_attachment": MEETING_READ,
    "meetings:item_detail": MEETING_READ,
    "meetings:item_move": POST_ONLY_PAGE,
    "meetings:item_remove": MEETING_WRITE,
    "meetings:meeting_create": MEETING_MANAGE,
    "meetings:meeting_detail": MEETING_READ,
    "meetings:meeting_edit": MEETING_WRITE,
    "meetings:meeting_mail": MEETING_WRITE,
    "meetings:meeting_status": MEETING_WRITE,
    "meetings:member_add": POST_ONLY_PAGE,
    "meetings:member_remove": MEETING_MANAGE,
    "meetings:my_actions": MEETINGS_MEMBER,
    "meetings:series_create": MEETING_MANAGE,
    "meetings:series_detail": MEETING_READ,
    "meetings:series_edit": MEETING_MANAGE,
    "meetings:series_list": MEETINGS_MEMBER,
    "monitoring:dashboard": INTERNAL_READ,
    "monitoring:import_job": STAFF_WRITE,
    "monitoring:imports": STAFF_WRITE,
    "monitoring:indicator": INTERNAL_READ,
    "monitoring:upload": STAFF_WRITE,
    "ondermijning:controle_create": STAFF_WRITE_LEZER_403,
    "ondermijning:controle_delete": STAFF_WRITE_LEZER_403,
    "ondermijning:controle_detail": INTERNAL_READ,
    "ondermijning:controle_edit": STAFF_WRITE_LEZER_403,
    "ondermijning:controle_list": INTERNAL_READ,
    "ondermijning:day_create": STAFF_WRITE_LEZER_403,
    "ondermijning:day_delete": STAFF_WRITE_LEZER_403,
    "ondermijning:day_detail": INTERNAL_READ,
    "ondermijning:day_edit": STAFF_WRITE_LEZER_403,
    "ondermijning:day_list": INTERNAL_READ,
    "ondermijning:dealer_check_add": "login 403 405 405 404 405 404 404 404 405",
    "ondermijning:dealer_check_delete": "login 403 405 405 404 405 404 404 404 405",
    "ondermijning:dealer_create": STAFF_WRITE_LEZER_403,
    "ondermijning:dealer_delete": STAFF_WRITE_LEZER_403,
    "ondermijning:dealer_detail": INTERNAL_READ,
    "ondermijning:dealer_edit": STAFF_WRITE_LEZER_403,
    "ondermijning:dealer_list": INTERNAL_READ,
    "ondermijning:finding_add": "login 403 405 405 404 405 404 404 404 405",
    "ondermijning:finding_delete": "login 403 405 405 404 405 404 404 404 405",
    "ondermijning:import": STAFF_WRITE_LEZER_403,
    "ondermijning:kvo_create": STAFF_WRITE_LEZER_403,
    "ondermijning:kvo_delete": STAFF_WRITE_LEZER_403,
    "ondermijning:kvo_edit": STAFF_WRITE_LEZER_403,
    "ondermijning:kvo_list": INTERNAL_READ,
    "ondermijning:partnership_summary": INTERNAL_READ,
    "openbareorde:advice_add": STAFF_WRITE_LEZER_403,
    "openbareorde:newyear": INTERNAL_READ,
    "openbareorde:overview": INTERNAL_READ,
    "openbareorde:register_create": STAFF_WRITE_LEZER_403,
    "openbareorde:register_edit": INTERNAL_READ,
    "openbareorde:register_list": INTERNAL_READ,
    "openbareorde:risk_create": "login 404 ok ok ok ok 403 403 404 ok",
    "openbareorde:risk_detail": "login 404 ok ok ok ok ok 404 404 ok",
    "openbareorde:risk_edit": "login 404 ok ok ok ok 404 404 404 ok",
    "openbareorde:risk_list": "login 404 ok ok ok ok ok ok 404 ok",
    "openbareorde:risk_reveal": "login 404 404 404 404 404 404 404 404 404",
    "policy:action_create": STAFF_WRITE,
    "policy:action_detail": INTERNAL_READ,
    "policy:action_edit": STAFF_WRITE,
    "policy:action_list": INTERNAL_READ,
    "policy:event_create": STAFF_WRITE,
    "policy:event_delete": STAFF_WRITE,
    "policy:event_list": INTERNAL_READ,
    "policy:norm_detail": INTERNAL_READ,
    "policy:norm_overview": INTERNAL_READ,
    "policy:plan_detail": INTERNAL_READ,
    "policy:plan_overview": INTERNAL_READ,
    "policy:priority_detail": INTERNAL_READ,
    "policy:version_detail": INTERNAL_READ,
    "policy:version_list": INTERNAL_READ,
    "reporting-report-list": API_INTERNAL,
    "reporting:dashboard": PUBLIC,
    "reporting:public_index": PUBLIC,
    "reporting:public_report_pdf": PUBLIC,
    "reporting:publication": STAFF_WRITE,
    "reporting:report_create": STAFF_WRITE,
    "reporting:report_delete": STAFF_WRITE,
    "reporting:report_detail": INTERNAL_READ,
    "reporting:report_edit": STAFF_WRITE,
    "reporting:report_list": INTERNAL_READ,
    "reporting:report_new_version": POST_ONLY_PAGE,
    "reporting:report_pdf": INTERNAL_READ,
    "reporting:report_send": STAFF_WRITE,
    "signals:address_list": "login 404 404 ok 404 404 404 404 404 404",
    "signals:agreement_create": ADMIN_ONLY,
    "signals:agreement_deactivate": ADMIN_ONLY,
    "signals:agreement_edit": ADMIN_ONLY,
    "signals:agreement_list": ADMIN_ONLY,
    "signals:attachment": SIGNAL_TEAM,
    "signals:classify": POST_ONLY_PAGE,
    "signals:dossier_detail": SIGNAL_TEAM,
    "signals:dossier_list": SIGNAL_TEAM,
    "signals:follow_up": PUBLIC,
    "signals:forward": POST_ONLY_PAGE,
    "signals:intake": PUBLIC,
    "signals:link": POST_ONLY_PAGE,
    "signals:question": POST_ONLY_PAGE,
    "signals:receipt": PUBLIC,
    "signals:retention_settings": ADMIN_ONLY,
    "signals:signal_counts": "login ok ok ok 404 404 404 404 404 ok",
    "signals:signal_detail": SIGNAL_TEAM,
    "signals:signal_list": "login ok ok ok 404 404 404 404 404 ok",
    "signals:transition": POST_ONLY_PAGE,
}

# Routes whose object belongs to a samenwerkingsverband that Weststellingwerf takes part in
# too: for them "another gemeente's object" does not exist, so the foreign check skips them.
# The year of the jaarwisseling page is no object either.
SHARED = (
    "crisis:district_*",
    "ondermijning:day_*",
    "ondermijning:partnership_summary",
    "openbareorde:newyear",
)


def _patterns(resolver=None, prefix="", namespace=""):
    """(name, pattern) of every named route, namespaces included."""
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _patterns(p, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{namespace}{p.name}", prefix + str(p.pattern)


def _routes():
    return {n: p for n, p in _patterns() if not n.startswith("admin:")}


def _fill(pattern: str, values: dict) -> str:
    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: str(values[m.group(2)]), pattern)


@pytest.fixture
def world(db, make_member):
    """The full demo, plus the roles the demo has no account for."""
    from django.contrib.auth import get_user_model

    from kompas.core.demo import load_all
    from kompas.core.models import Municipality

    load_all()
    _attachment_on_an_agenda_signal()
    users = get_user_model().objects
    hv = Municipality.objects.get(code="GM0074")
    return {
        "anonymous": None,
        "lezer": users.get(username="burgemeester-heerenveen"),
        "adviseur": users.get(username="adviseur-heerenveen"),
        "beheerder": users.get(username="beheerder-heerenveen"),
        "regisseur": make_member(hv, "regisseur", username="regisseur-hv"),
        "bibob": make_member(hv, "bibob", username="bibob-hv"),
        "partner_member": users.get(username="politie-heerenveen"),
        "partner_nonmember": make_member(hv, "partner", username="om-hv", partner_code="om"),
        "adviseur_elsewhere": users.get(username="adviseur-weststellingwerf"),
        "coordinator": users.get(username="coordinator-zofriesland"),
    }


def _attachment_on_an_agenda_signal():
    """The demo has no signal on an agenda and no photo: one signal goes on the upcoming LIO
    meeting and its reporter adds a photo, so the attachment routes of the meldpunt and of
    meetings have something to show."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from kompas.meetings.models import Meeting
    from kompas.meetings.services import agenda_item_add_signal
    from kompas.signals.models import Signal
    from kompas.signals.services.intake import signal_reporter_reply

    meeting = (
        Meeting.objects.filter(series__municipality__code="GM0074", series__kind="lio")
        .filter(starts_at__gt=timezone.now())
        .first()
    )
    signal = Signal.objects.filter(municipality__code="GM0074").order_by("pk").first()
    by = get_user_model().objects.get(username="adviseur-heerenveen")
    agenda_item_add_signal(meeting=meeting, signal=signal, by=by)
    signal_reporter_reply(signal=signal, text="Foto erbij.", attachments=[("image/png", b"x")])


def _first(model, **filters):
    obj = model.objects.filter(**filters).order_by("pk").first()
    assert obj is not None, f"de demo heeft geen {model.__name__} met {filters}"
    return obj


def _values(hv) -> dict[str, dict]:
    """URL kwargs per route name (fnmatch patterns, first match wins), all objects of
    Heerenveen (or its samenwerkingsverband), from the demo."""
    from kompas.cases.constants import MeasureKind
    from kompas.cases.models import Case, CaseListing, Intervention, Measure

    OPEN_KINDS = [k for k in MeasureKind.values if k != MeasureKind.BIBOB]
    from kompas.crisis.models import Assignment, CrisisMember, KeyFunction
    from kompas.fenomenen.models import Activity, PhenomenonChoice, WhiteSpot
    from kompas.meetings.models import AgendaItem, FollowUpAction, Meeting, MeetingSeries
    from kompas.monitoring.models import ImportJob, Indicator
    from kompas.ondermijning.models import Controle, Dealer, Finding, KvoPark, UnderminingDay
    from kompas.openbareorde.models import Demonstration, RiskItem
    from kompas.policy.models import Action, Norm, PlanVersion, Priority
    from kompas.reporting.models import Report
    from kompas.signals.models import Dossier, SharingAgreement, Signal

    dmember = _first(CrisisMember, partnership__in=hv.partnerships.all())
    district = dmember.partnership
    day = _first(UnderminingDay, partnership__in=hv.partnerships.all())
    partnership = day.partnership
    case = _first(Case, municipality=hv)
    priority = _first(Priority, plan__municipality=hv)
    version = _first(PlanVersion, plan__municipality=hv)
    member = _first(CrisisMember, municipality=hv)
    controle = _first(Controle, municipality=hv)
    signal = _first(Signal, municipality=hv, attachments__isnull=False, agenda_items__isnull=False)
    item = AgendaItem.objects.filter(
        meeting__series__municipality=hv, signal__attachments__isnull=False
    ).first() or _first(AgendaItem, meeting__series__municipality=hv)
    meeting = _first(Meeting, series__municipality=hv)
    case_meeting = _first(Meeting, series__municipality=hv, series__kind="ovo")
    report = _first(Report, municipality=hv)
    job = ImportJob.objects.filter(municipality=hv).first() or ImportJob.objects.create(
        municipality=hv, file_name="cijfers.csv", format="csv"
    )
    return {
        "core:invite_accept": {"uidb64": "MQ", "token": "ongeldig"},
        "core:member_*": {"pk": hv.memberships.order_by("pk").first().pk},
        "policy:plan_detail": {"pk": priority.plan_id},
        "policy:priority_detail": {"pk": priority.plan_id, "number": priority.number},
        "policy:version_*": {"pk": version.plan_id, "number": version.number},
        "policy:action_*": {"pk": _first(Action, plan__municipality=hv).pk},
        "policy:norm_detail": {"code": _first(Norm, plan__municipality=hv).code},
        "policy:event_delete": {"pk": hv.policy_events.order_by("pk").first().pk},
        "api-plan-action-*": {"pk": _first(Action, plan__municipality=hv).pk},
        "signals:attachment": {"pk": signal.pk, "attachment_id": signal.attachments.first().pk},
        "signals:agreement_*": {"pk": _first(SharingAgreement, municipality=hv).pk},
        "signals:dossier_detail": {"pk": _first(Dossier, municipality=hv).pk},
        "signals:*": {"pk": signal.pk},
        "meetings:series_*": {"pk": _first(MeetingSeries, municipality=hv).pk},
        "meetings:member_*": {
            "pk": (s := _first(MeetingSeries, municipality=hv, members__isnull=False)).pk,
            "member_pk": s.members.first().pk,
        },
        "meetings:meeting_create": {"pk": meeting.series_id},
        "meetings:item_attachment": {
            "pk": item.pk,
            "attachment_id": (item.signal or signal).attachments.first().pk,
        },
        "meetings:item_*": {"pk": item.pk},
        "meetings:action_status": {
            "pk": _first(FollowUpAction, item__meeting__series__municipality=hv).pk
        },
        "meetings:*": {"pk": meeting.pk},
        "api-meetings-meeting-detail": {"pk": meeting.pk},
        "monitoring:indicator": {"code": _first(Indicator).code},
        "monitoring:import_job": {"job_id": job.pk},
        "reporting:public_report_pdf": {"pk": report.pk},
        "reporting:*": {"pk": report.pk},
        "cases:table_detail": {"pk": case_meeting.series_id},
        "cases:meeting_cases": {"pk": case_meeting.pk},
        "cases:discussion_edit": {"pk": case_meeting.pk, "case_pk": case.pk},
        "cases:intervention_edit": {"pk": _first(Intervention, case__municipality=hv).pk},
        "cases:listing_end": {"pk": _first(CaseListing, case__municipality=hv).pk},
        # An instrument that is no Bibob file (those only the bibob role sees, API row below).
        "cases:measure_edit": {"pk": _first(Measure, municipality=hv, kind__in=OPEN_KINDS).pk},
        "cases:*": {"pk": case.pk, "person_pk": case.persons.first().pk, "fmt": "json"},
        "api-cases-measure-detail": {"pk": _first(Measure, municipality=hv).pk},
        "api-cases-*": {"pk": case.pk},
        "crisis:district_member_*": {"district": district.code, "pk": dmember.pk},
        "crisis:district_assignment_remove": {
            "district": district.code,
            "pk": dmember.pk,
            "assignment": _first(Assignment, member=dmember).pk,
        },
        "crisis:district_register_*": {
            "district": district.code,
            "register": "functies",
            "pk": _first(KeyFunction, partnership=district).pk,
        },
        "crisis:district_*": {"district": district.code},
        "crisis:member_*": {"pk": member.pk},
        "crisis:assignment_remove": {
            "pk": member.pk,
            "assignment": _first(Assignment, member=member).pk,
        },
        "crisis:register_*": {
            "register": "functies",
            "pk": _first(KeyFunction, municipality=hv).pk,
        },
        "openbareorde:risk_*": {"pk": _first(RiskItem, municipality=hv).pk},
        "openbareorde:newyear": {"year": 2026},
        "openbareorde:advice_add": {"pk": _first(Demonstration, municipality=hv).pk},
        "openbareorde:register_*": {
            "register": "demonstraties",
            "pk": _first(Demonstration, municipality=hv).pk,
        },
        "ondermijning:finding_delete": {
            "pk": controle.pk,
            "finding": _first(Finding, location__controle__municipality=hv).pk,
        },
        "ondermijning:controle_*": {"pk": controle.pk},
        "ondermijning:dealer_check_delete": {
            "pk": (dealer := _first(Dealer, municipality=hv, checks__isnull=False)).pk,
            "check": dealer.checks.first().pk,
        },
        "ondermijning:dealer_*": {"pk": dealer.pk},
        "ondermijning:kvo_*": {"pk": _first(KvoPark, municipality=hv).pk},
        "fenomenen:keuze_*": {"pk": _first(PhenomenonChoice, municipality=hv).pk},
        "fenomenen:spot_*": {"pk": _first(WhiteSpot, municipality=hv).pk},
        "fenomenen:activity_*": {"pk": _first(Activity, municipality=hv).pk},
        "ondermijning:finding_add": {"pk": controle.pk},
        "ondermijning:day_*": {"pk": day.pk},
        "ondermijning:partnership_summary": {"code": partnership.code},
        "api-ondermijning-dagen": {"code": partnership.code},
        "api-municipality-detail": {"code": hv.code},
        "api-region-detail": {"code": hv.code},
    }


def _kwargs(name: str, values: dict, slug: str) -> dict:
    base = {"slug": slug, "gemeente": slug}
    for pattern, kw in values.items():
        if fnmatch(name, pattern):
            return {**base, **kw}
    return base


def _answer(response) -> str:
    code = response.status_code
    if code in (301, 302):
        location = response.headers.get("Location", "")
        return "login" if "/inloggen/" in location or "/tweestap" in location else "ok"
    return "ok" if code == 200 else str(code)


def _client(user):
    from django.test import Client

    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def test_every_route_has_a_rule():
    missing = sorted(set(_routes()) - set(RULES))
    gone = sorted(set(RULES) - set(_routes()))
    assert not missing, (
        "Deze routes hebben geen regel in RULES (test_authorisation_matrix_all): "
        f"{', '.join(missing)}. Zet per rol het gedocumenteerde antwoord erbij."
    )
    assert not gone, f"RULES noemt routes die niet meer bestaan: {', '.join(gone)}"


def test_every_rule_has_an_answer_per_role():
    for name, row in RULES.items():
        assert len(row.split()) == len(ROLES), name


def test_every_api_operation_in_the_schema_is_a_route_in_the_matrix():
    """The OpenAPI document and the URL conf name the same API: every documented path is
    one of the routes the matrix walks."""
    import yaml

    response = _client(None).get("/api/v1/openapi.yaml")
    schema = yaml.safe_load(response.content)
    routes = {re.sub(r"<[^>]+>", "{}", "/" + p) for p in _routes().values()}
    undocumented = [p for p in schema["paths"] if re.sub(r"{[^}]+}", "{}", p) not in routes]
    assert undocumented == []


def test_authorisation_matrix_over_every_route(world):
    """One demo load for all three checks (it takes most of the test's time):
    every route x role gives the answer RULES documents; objects of another gemeente are not
    found; anonymous POSTs to POST-only routes are refused."""
    from kompas.core.models import Municipality

    values = _values(Municipality.objects.get(code="GM0074"))
    failures = _matrix(world, values)
    for role in ("adviseur_elsewhere", "coordinator"):
        failures += _foreign_objects(world[role], role, values)
    failures += _anonymous_posts(values)
    assert failures == [], "\n".join(failures)


def _matrix(world, values) -> list[str]:
    failures = []
    for index, role in enumerate(ROLES):
        client = _client(world[role])
        for name, pattern in sorted(_routes().items()):
            url = _fill(pattern, _kwargs(name, values, "heerenveen"))
            got = _answer(client.get(url))
            want = RULES[name].split()[index]
            if got != want:
                failures.append(f"{role:20} {name:40} {url}: {got}, verwacht {want}")
    return failures


def _post_only(name: str) -> bool:
    return RULES[name].split()[ROLES.index("adviseur")] == "405"


def _foreign_objects(user, role, values) -> list[str]:
    """Weststellingwerf's adviseur, and the coordinator who works for all four gemeenten,
    name Weststellingwerf in the URL with an object of Heerenveen: 404 on every route that
    takes an object, GET or (for POST-only routes) POST, never the object."""
    client = _client(user)
    failures = []
    checked = 0
    for name, pattern in sorted(_routes().items()):
        if "<int:" not in pattern or any(fnmatch(name, s) for s in SHARED):
            continue
        url = _fill(pattern, _kwargs(name, values, "weststellingwerf"))
        response = client.post(url) if _post_only(name) else client.get(url)
        checked += 1
        if response.status_code != 404:
            failures.append(f"vreemd object {role:20} {name} {url}: {response.status_code}")
    assert checked >= 80, checked
    return failures


def _anonymous_posts(values) -> list[str]:
    """POST-only routes: anonymous callers go to the login (pages) or get 401 (API); the
    meldpunt's public intake answers an empty body with 400."""
    client = _client(None)
    failures = []
    for name, pattern in sorted(_routes().items()):
        if not _post_only(name):
            continue
        url = _fill(pattern, _kwargs(name, values, "heerenveen"))
        got = _answer(client.post(url))
        want = "401" if url.startswith("/api/") else "login"
        if name == "api-meldpunt-signal-create":
            want = "400"
        if got != want:
            failures.append(f"anoniem POST {name} {url}: {got}, verwacht {want}")
    return failures
