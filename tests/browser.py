"""A headless Chromium for the html page test, found on this machine or skipped with the reason.

CI sets SPEECHPARSE_REQUIRE_BROWSER=1 (`.ci/run`, which installs the browser): there a missing
browser fails the test instead, so that the page is never left untested unnoticed.
"""

from __future__ import annotations

import os
import shutil
from typing import NoReturn

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service

REQUIRE = "SPEECHPARSE_REQUIRE_BROWSER"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
DRIVER = "chromedriver"
INSTALL = "Debian/Ubuntu: apt-get install chromium chromium-driver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,900",
)


def required() -> bool:
    return os.environ.get(REQUIRE, "") not in ("", "0")


def unavailable(reason: str) -> NoReturn:
    """Skip the browser test for `reason`, or fail it where the browser is required."""
    if required():
        pytest.fail(f"{reason}, and {REQUIRE} is set: the browser test must run", pytrace=False)
    pytest.skip(f"{reason}; install it to run the html page test ({INSTALL})")


def find() -> tuple[str, str] | str:
    """(browser, driver) on the PATH, or what is missing."""
    browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    driver = shutil.which(DRIVER)
    if browser is None:
        return f"no Chromium on the PATH (looked for {', '.join(BROWSERS)})"
    if driver is None:
        return f"Chromium found at {browser}, but no {DRIVER} on the PATH"
    return browser, driver


def start() -> webdriver.Chrome:
    """A headless Chromium, never one downloaded (the driver on the PATH, not Selenium
    Manager's)."""
    found = find()
    if isinstance(found, str):
        unavailable(found)
    browser, driver = found
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in FLAGS:
        options.add_argument(flag)
    try:
        return webdriver.Chrome(options=options, service=Service(driver))
    except WebDriverException as exc:
        lines = (exc.msg or "").strip().splitlines()
        unavailable(f"Chromium at {browser} did not start: {lines[0] if lines else exc!r}")
