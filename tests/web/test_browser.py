"""The adviser's page, used as a person would: Playwright driving Debian's Chromium (/usr/bin/chromium).

Skipped only when Chromium is not installed (`make install-test` installs it as root with apt-get).
Playwright's own browser downloads are never used. The server is `benefitcalc serve` on a free
loopback port (tests/web/conftest.py). Figures are the hand-worked household of conftest.py.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.web.conftest import SINGLE

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium, or `make install-test` as root)"
)
SCREENSHOT = Path("/tmp/benefitcalc-page.png")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900}, accept_downloads=True, locale="en-GB")
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda error: problems.append(str(error)))
    # Script errors and anything the content security policy refuses; an error status the page
    # handles (a 422 for a test's bad input) is logged by Chromium too, and is not a problem.
    tab.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" and not message.text.startswith("Failed to load resource")
            else None
        ),
    )
    tab.goto(live_server + "/")
    tab.wait_for_selector("#rules-stamp:not(:empty)")  # the page has loaded its rules stamp and schemes
    yield tab
    context.close()
    assert problems == [], problems  # no script errors, nothing refused by the content security policy


def fill_date(page: Any, day: str, month: str, year: str) -> None:
    page.fill("#date-day", day)
    page.fill("#date-month", month)
    page.fill("#date-year", year)


def fill_ann(page: Any) -> None:
    fill_date(page, "1", "6", "2025")
    page.fill("#client-name", "Ann")
    page.fill("#client-age", "30")
    page.fill("#job-pay", "12.21")
    page.fill("#job-hours", "16")
    page.fill("#compare-hours", "0,8")


def table(page: Any) -> dict[str, list[str]]:
    """The weekly table: row heading -> cells, and "Hours a week" -> the column headings."""
    rows = page.eval_on_selector_all(
        "#weekly tr", "rows => rows.map(r => [...r.children].map(c => c.textContent.trim()))"
    )
    return {cells[0]: cells[1:] for cells in rows}


def at(page: Any, row: str, hours: str) -> str:
    weekly = table(page)
    return weekly[row][weekly["Hours a week"].index(f"{hours} hours")]


def test_fill_the_form_and_read_the_table(page: Any) -> None:
    fill_ann(page)
    page.click("#calculate")
    page.wait_for_selector("#results:not([hidden])")
    weekly = table(page)
    assert weekly["Hours a week"] == ["0 hours", "8 hours", "16 hours"]
    # Hand-worked in conftest.py: at 0 hours UC is 92.34 a week; at 16, pay 195.36 and no UC.
    assert weekly["Pay before tax"][2] == "£195.36"
    assert weekly["Universal Credit"][0] == "£92.34"
    assert weekly["Universal Credit"][2] == "£0.00"
    assert weekly["Better off"][2] == "+£103.02"
    assert page.text_content("#summary").startswith("Working 16 hours leaves Ann £103.02 a week")
    assert page.evaluate("document.activeElement.id") == "results-heading"  # focus moves to the answer
    page.wait_for_selector("#chart svg title", state="attached")
    assert "Money coming in" in page.text_content("#chart svg title")


def test_the_cliff_text_is_the_calculators(page: Any, live_server: str) -> None:
    """Sam (the built-in example) meets the council's scheme's step: the page words it as the API does."""
    fill_date(page, "23", "11", "2026")
    page.fill("#client-name", "Sam")
    page.fill("#client-age", "34")
    page.select_option("#client-health", "lcwra-protected")  # Sam's LCWRA is from before 6 April 2026
    page.select_option("#client-esa", "support")
    page.select_option("#client-pip-daily", "standard")
    page.select_option("#tenure", "social_rent")
    page.fill("#rent", "112.50")
    page.fill("#bedrooms", "1")
    page.fill("#council-tax", "1820")
    page.select_option("#scheme", "cheshire_west_and_chester")
    page.fill("#job-pay", "12.71")
    page.fill("#job-hours", "16")
    page.select_option("#job-pension", "auto_enrolment")
    page.fill("#work-costs", "18")
    page.fill("#capital", "1500")
    page.click("#calculate")
    page.wait_for_selector("#results:not([hidden])")
    shown = page.eval_on_selector_all("#cliffs li", "items => items.map(i => i.textContent)")
    scenario = page.evaluate("JSON.parse(document.getElementById('scenario-text').value)")
    adult = scenario["adults"][0]
    assert (adult["universal_credit_health"], adult["health_element_protected"]) == ("lcwra", True)
    doc = httpx.post(
        live_server + "/v1/sweep", json={"scenario": scenario, "hours": "0,8,16,24,30", "period": "week"}, timeout=60
    ).json()
    assert doc["cliffs"], "Sam's household has a cliff edge below 16 hours"
    assert shown[: len(doc["cliffs"])] == [cliff["message"] for cliff in doc["cliffs"]]
    first = doc["cliffs"][0]
    assert f"Stay at or below {first['safe_hours']:g} hours" in shown[0]
    page.wait_for_selector("#chart svg")
    page.screenshot(path=str(SCREENSHOT), full_page=True)


def test_download_the_clients_report(page: Any) -> None:
    from pypdf import PdfReader

    fill_ann(page)
    page.click("#calculate")
    page.wait_for_selector("#results:not([hidden])")
    page.fill("#adviser", "A. Adviser")
    with page.expect_download() as waiting:
        page.click("#download-pdf")
    download = waiting.value
    assert download.suggested_filename == "better-off-Ann.pdf"
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"%PDF-")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "Ann" in text and "A. Adviser" in text and "103.02" in text


def test_save_and_reopen_a_case(page: Any, live_server: str) -> None:
    fill_ann(page)
    page.click("#calculate")
    page.wait_for_selector("#results:not([hidden])")
    page.fill("#case-name", "Ann, browser visit")
    page.click("#save-case")
    page.wait_for_selector("#case-list tbody th:text('Ann, browser visit')")
    assert page.text_content("#cases-status") == "Saved “Ann, browser visit”."
    page.reload()
    page.wait_for_selector("#case-list tbody th:text('Ann, browser visit')")
    assert page.input_value("#client-age") == ""
    page.click("button[aria-label='Open: Ann, browser visit']")
    page.wait_for_selector("#results:not([hidden])")
    assert page.input_value("#client-age") == "30"
    assert page.input_value("#job-pay") == "12.21"
    assert [page.input_value(f"#date-{part}") for part in ("day", "month", "year")] == ["01", "06", "2025"]
    assert at(page, "Better off", "16") == "+£103.02"
    cases = httpx.get(live_server + "/v1/cases", timeout=30).json()["cases"]
    saved = next(case for case in cases if case["name"] == "Ann, browser visit")
    assert httpx.get(f"{live_server}/v1/cases/{saved['id']}", timeout=30).json()["scenario"] == {
        **SINGLE,
        "nation": "england",
        "housing": {"tenure": "none"},
    }


def test_errors_are_shown_next_to_their_fields(page: Any) -> None:
    fill_ann(page)
    page.fill("#client-age", "12")
    page.click("#calculate")
    page.wait_for_selector("#error-summary:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    described = page.get_attribute("#client-age", "aria-describedby")
    assert page.get_attribute("#client-age", "aria-invalid") == "true"
    message = page.text_content(f"#{described.split()[-1]}")
    assert "greater than or equal to 16" in message
    page.click("#error-list a")
    assert page.evaluate("document.activeElement.id") == "client-age"


def test_the_full_scenario_is_checked_by_the_server(page: Any) -> None:
    page.click("#full summary")
    page.fill("#scenario-text", "adults:\n  - age: 30\n    job: {hourly_pay: 12.21, hours: 16}\n    wages: 3\n")
    page.click("#calculate-text")
    page.wait_for_selector("#scenario-text-error:not([hidden])")
    assert "wages" in page.text_content("#scenario-text-error")
    assert page.get_attribute("#scenario-text", "aria-invalid") == "true"
    page.fill(
        "#scenario-text",
        "date: 2025-06-01\nadults:\n  - name: Ann\n    age: 30\n    job: {hourly_pay: 12.21, hours: 16}\n",
    )
    page.click("#calculate-text")
    page.wait_for_selector("#results:not([hidden])")
    assert at(page, "Better off", "16") == "+£103.02"


def tab_to(page: Any, element_id: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


def test_the_page_works_by_keyboard_alone(page: Any) -> None:
    tab_to(page, "client-name")
    page.keyboard.press("Control+A")
    page.keyboard.type("Ann")
    tab_to(page, "client-age")
    page.keyboard.type("30")
    # A visible focus indicator on the control that has focus.
    outline = page.evaluate(
        "getComputedStyle(document.activeElement).boxShadow + getComputedStyle(document.activeElement).outlineStyle"
    )
    assert outline != "nonenone"
    tab_to(page, "job-pay")
    page.keyboard.type("12.21")
    tab_to(page, "job-hours")
    page.keyboard.type("16")
    tab_to(page, "date-day", limit=200)
    page.keyboard.type("1")
    page.keyboard.press("Tab")
    page.keyboard.type("6")
    page.keyboard.press("Tab")
    page.keyboard.type("2025")
    tab_to(page, "calculate", limit=200)
    page.keyboard.press("Enter")
    page.wait_for_selector("#results:not([hidden])")
    assert at(page, "Better off", "16") == "+£103.02"
    tab_to(page, "download-pdf")
    with page.expect_download() as waiting:
        page.keyboard.press("Enter")
    assert Path(waiting.value.path()).read_bytes().startswith(b"%PDF-")
    tab_to(page, "case-name", limit=200)
    page.keyboard.press("Control+A")
    page.keyboard.type("Ann by keyboard")
    page.keyboard.press("Enter")
    page.wait_for_selector("#case-list tbody th:text('Ann by keyboard')")


def test_at_200_percent_zoom_nothing_needs_sideways_scrolling(browser: Any, live_server: str) -> None:
    """A 1280-pixel window at 200% zoom is 640 CSS pixels wide: the page reflows into one column."""
    context = browser.new_context(viewport={"width": 640, "height": 900}, device_scale_factor=2, locale="en-GB")
    tab = context.new_page()
    tab.goto(live_server + "/")
    fill_ann(tab)
    tab.click("#calculate")
    tab.wait_for_selector("#results:not([hidden])")
    overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    tab.screenshot(path="/tmp/benefitcalc-page-200.png", full_page=True)
    context.close()
    assert overflow <= 0


def first_months(page: Any) -> dict[str, list[str]]:
    """The first-months table: row heading (the assessment period) -> cells; "Assessment period" -> headings."""
    rows = page.eval_on_selector_all(
        "#first-months tr", "rows => rows.map(r => [...r.children].map(c => c.textContent.trim()))"
    )
    return {cells[0]: cells[1:] for cells in rows}


def test_the_first_months_by_keyboard(page: Any) -> None:
    """Ann of conftest.py starting on Monday 2 June 2025: no pay frequency or payday given, so paid monthly,
    first on 1 July (one pay period on) for 2 June - 1 July, a whole month: 16 x 12.21 x 52 / 12 = £846.56,
    no tax or NI (under £1,047.50 and £1,048 a month). Assessment periods from the 1st. June's period holds
    no payday: UC 400.14, paid 30 June + 7 = 7 July. July's holds the first pay: 400.14 - 55% x 846.56
    (465.61) is below nil, so no UC."""
    fill_ann(page)
    page.click("#calculate")
    page.wait_for_selector("#results:not([hidden])")
    page.focus("#first-day-day")
    for text in ("2", "6", "2025"):
        page.keyboard.type(text)
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "first-months-count"
    page.keyboard.press("Control+A")
    page.keyboard.type("3")
    page.keyboard.press("Enter")  # submits the form from the field
    page.wait_for_selector("#first-months-result:not([hidden])")
    months = first_months(page)
    assert months["Assessment period"] == [
        "Paydays",
        "Pay before tax",
        "Universal Credit",
        "Universal Credit paid on",
    ]
    assert months["1 Jun 2025 to 30 Jun 2025"] == ["none", "£0.00", "£400.14", "7 Jul 2025"]
    assert months["1 Jul 2025 to 31 Jul 2025"][:3] == ["1 Jul 2025", "£846.56", "£0.00"]
    assert "Assumed: Paid monthly" in page.text_content("#first-months-words")
    # 30 months is more than the 24 the API shows: said next to the field, which takes the focus.
    page.fill("#first-months-count", "30")
    page.click("#show-first-months")
    page.wait_for_selector("#first-months-count-error:not([hidden])")
    assert "less than or equal to 24" in page.text_content("#first-months-count-error")
    assert page.evaluate("document.activeElement.id") == "first-months-count"
    assert page.get_attribute("#first-months-count", "aria-invalid") == "true"
