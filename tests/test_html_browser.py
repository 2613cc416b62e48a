"""The html page in a real headless browser (Chromium and chromedriver; skipped without them,
except in CI: see `browser.py`).

A click on a section highlights exactly its span of the source, and only its arrow folds it; a
section with nothing under it has no arrow; warnings are marked in the source.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import start
from conftest import SAMPLES
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement

import speechparse
from speechparse.html import to_html

HIGHLIGHT = "const h = CSS.highlights.get('sel'); return h ? [...h][0].toString() : null;"
MARKERS = (
    "return [getComputedStyle(arguments[0]).display === 'list-item' ? 'item' : 'none', 'none'];"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    driver = start()
    yield driver
    driver.quit()


def _by_label(browser: webdriver.Chrome, tag: str, label: str) -> WebElement:
    found = [
        e
        for e in browser.find_elements(By.CSS_SELECTOR, f"nav {tag}[data-label]")
        if e.get_attribute("data-label") == label
    ]
    assert found, label
    return found[-1]


def _arrow(browser: webdriver.Chrome, fold: WebElement) -> str:
    content = browser.execute_script(
        "return getComputedStyle(arguments[0], '::before').content;", fold
    )
    return str(content).strip('"')


def _open(browser: webdriver.Chrome, path: Path, tmp_path: Path) -> speechparse.Document:
    doc = speechparse.parse_file(path)
    page = tmp_path / f"{path.stem}.html"
    page.write_text(to_html(doc, doc.source_text or ""), encoding="utf-8")
    browser.get(page.as_uri())
    return doc


def test_click_on_a_section_highlights_its_span_and_only_the_arrow_folds(
    browser: webdriver.Chrome, tmp_path: Path
) -> None:
    doc = _open(browser, SAMPLES[4], tmp_path)
    source = doc.source_text or ""
    second = doc.speeches[0].sections[1]
    summary = _by_label(browser, "summary", f"{second.marker} {second.heading}")
    details = summary.find_element(By.XPATH, "..")
    summary.click()
    assert browser.execute_script(HIGHLIGHT) == source[second.span[0] : second.span[1]]
    assert details.get_attribute("open") == "true"  # highlighting does not fold
    arrow = summary.find_element(By.CSS_SELECTOR, ".fold")
    assert _arrow(browser, arrow) == "▼"
    arrow.click()
    assert details.get_attribute("open") is None
    assert _arrow(browser, arrow) == "▶"
    arrow.click()
    assert details.get_attribute("open") == "true"


def test_a_section_with_nothing_under_it_has_no_arrow(
    browser: webdriver.Chrome, tmp_path: Path
) -> None:
    doc = _open(browser, SAMPLES[4], tmp_path)
    source = doc.source_text or ""
    leaf = next(
        s
        for s in doc.speeches[0].walk()
        if not s.children and not any(p.items for p in s.paragraphs)
    )
    line = _by_label(browser, "div", f"{leaf.marker} {leaf.heading}")
    assert line.find_elements(By.CSS_SELECTOR, ".fold") == []
    assert line.value_of_css_property("display") == "block"  # nor a list marker
    line.click()
    assert browser.execute_script(HIGHLIGHT) == source[leaf.span[0] : leaf.span[1]]


def test_the_text_is_set_in_cjk_fonts(browser: webdriver.Chrome, tmp_path: Path) -> None:
    _open(browser, SAMPLES[4], tmp_path)
    for css in ("body", "pre#src"):
        family = browser.find_element(By.CSS_SELECTOR, css).value_of_css_property("font-family")
        assert family.startswith('"Noto Sans CJK SC"'), (css, family)


def test_click_on_an_item_highlights_its_text(browser: webdriver.Chrome, tmp_path: Path) -> None:
    doc = _open(browser, SAMPLES[4], tmp_path)
    source = doc.source_text or ""
    item = doc.speeches[0].sections[0].children[0].paragraphs[0].items[1]
    _by_label(browser, "li", f"{item.marker} {item.heading}").click()
    assert browser.execute_script(HIGHLIGHT) == source[item.span[0] : item.span[1]]
    assert browser.find_element(By.ID, "selected").text.startswith(f"{item.marker} ")


def test_warnings_are_marked_and_offsets_survive_crlf(
    browser: webdriver.Chrome, tmp_path: Path
) -> None:
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(SAMPLES[1].read_text(encoding="utf-8").replace("\n", "\r\n").encode())
    doc = _open(browser, crlf, tmp_path)
    marked = browser.find_elements(By.CSS_SELECTOR, "pre#src mark.warn")
    assert len(marked) == sum(1 for w in doc.warnings if w.span) > 0
    last = list(doc.speeches[1].walk())[-1]
    _by_label(browser, "*", f"{last.marker} {last.heading}").click()
    source = (doc.source_text or "")[last.span[0] : last.span[1]]
    assert browser.execute_script(HIGHLIGHT) == source.replace("\r\n", "\n")
