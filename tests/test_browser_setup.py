"""The html page test without a browser: skipped with the reason on a developer's machine,
failed in CI (where `.ci/run` installs the browser and sets SPEECHPARSE_REQUIRE_BROWSER)."""

from __future__ import annotations

from pathlib import Path

import browser
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def no_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browser.shutil, "which", lambda name: None)


@pytest.mark.usefixtures("no_browser")
def test_without_a_browser_the_test_is_skipped_with_the_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(browser.REQUIRE, raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"no Chromium on the PATH .*apt-get install"):
        browser.start()


@pytest.mark.usefixtures("no_browser")
def test_in_ci_a_missing_browser_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(browser.REQUIRE, "1")
    with pytest.raises(pytest.fail.Exception, match="no Chromium on the PATH"):
        browser.start()


def test_a_browser_without_its_driver_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(browser.REQUIRE, raising=False)

    def which(name: str) -> str | None:
        return None if name == browser.DRIVER else f"/usr/bin/{name}"

    monkeypatch.setattr(browser.shutil, "which", which)
    with pytest.raises(pytest.skip.Exception, match="no chromedriver on the PATH"):
        browser.start()


def test_ci_installs_the_browser_requires_it_and_runs_the_readme_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "chromium-driver" in script
    assert f"export {browser.REQUIRE}=1" in script
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = next(line.strip() for line in readme.splitlines() if "[test]" in line)
    assert command.endswith("python3 -m pytest")
    assert script.rstrip().endswith(command)
