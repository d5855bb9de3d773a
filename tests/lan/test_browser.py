"""The phone page in a real browser: headless Chromium at a 360×740 phone viewport joins
with a NIP, answers, sees the acknowledgement, the reveal and the final rank, loses the
laptop and comes back.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them). Outside
CI the test is skipped when they are missing; in CI (``CI=true``) it fails instead.
Set ``UPDATE_SCREENSHOTS=1`` to write the screenshots to ``docs/screenshots/``.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from quiz_app.core.model import Order, Scoring
from quiz_app.lan.hall import PhoneHallSession
from tests.helpers.fakes import FakeClock, make_bank, make_plan, make_question

from .phones import LOOSE, Owner

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
NIP = "198503122010011002"


def _browser_available() -> bool:
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


@pytest.fixture
def driver(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    if not _browser_available():
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs chromium and chromium-driver (see .ci/run)")
        pytest.skip("chromium/chromedriver not installed (apt-get install chromium "
                    "chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    monkeypatch.setenv("SE_OFFLINE", "true")  # never let Selenium Manager download
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'chrome'}"):
        options.add_argument(flag)
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": 360, "height": 740, "pixelRatio": 1.0}})
    drv = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    drv.set_page_load_timeout(20)
    try:
        yield drv
    finally:
        drv.quit()


class Hall:
    def __init__(self, tmp_path: Path) -> None:
        qs = [make_question("q1", answer="B", shuffle=False,
                            text="ASN yang memberi tanda suka pada unggahan kampanye calon "
                                 "kepala daerah di media sosial ...",
                            options=[("A", "tidak melanggar, karena hak pribadi"),
                                     ("B", "melanggar netralitas ASN"),
                                     ("C", "boleh bila di luar jam kerja"),
                                     ("D", "boleh bila akunnya tidak memakai nama asli")]),
              make_question("q2", answer="A", shuffle=False)]
        plan = make_plan(order=Order.BANK, shuffle_options=False, question_time_limit=30,
                         scoring=Scoring.SPEED, title="Netralitas ASN")
        self.clock = FakeClock()
        self.owner = Owner()
        self.session = PhoneHallSession.create_phones(
            tmp_path / "data", tmp_path / "bank.yaml", plan, [make_bank(questions=qs)],
            self.clock)
        self.port = self.session.start_server(self.owner.post, host="127.0.0.1", port=0,
                                              limits=LOOSE)

    def wait(self, cond: Callable[[], object], timeout: float = 15.0) -> None:
        end = time.monotonic() + timeout
        while True:
            self.owner.pump()
            if cond():
                return
            if time.monotonic() > end:
                raise AssertionError("the page did not get there in time")
            time.sleep(0.05)


def test_phone_page_join_answer_reveal_final_and_reconnect(driver, tmp_path: Path):
    from selenium.webdriver.common.by import By

    hall = Hall(tmp_path)
    shots: list[Path] = []

    def shot(name: str) -> None:
        path = tmp_path / f"phone-{name}.png"
        driver.save_screenshot(str(path))
        shots.append(path)

    def text(element_id: str) -> str:
        return driver.find_element(By.ID, element_id).text

    def visible(element_id: str) -> bool:
        return driver.find_element(By.ID, element_id).is_displayed()

    try:
        driver.get(f"http://127.0.0.1:{hall.port}/j/{hall.session.code}")
        assert driver.execute_script("return window.innerWidth") == 360
        nip = driver.find_element(By.ID, "nip")
        nip.send_keys(NIP[:10])
        assert "10 dari 18" in text("niphint")
        shot("1-join")
        nip.send_keys(NIP[10:])
        assert "18 angka" in text("niphint")
        driver.find_element(By.ID, "joinbtn").click()
        # no roster: a NIP alone is not enough, the page asks for the name
        hall.wait(lambda: visible("namerow"))
        driver.find_element(By.ID, "name").send_keys("Ani Lestari")
        shot("2-join-name")
        driver.find_element(By.ID, "joinbtn").click()
        hall.wait(lambda: visible("s-lobby") and "Ani Lestari" in text("whoami"))
        shot("3-lobby")

        hall.session.start()
        hall.wait(lambda: visible("s-question") and "Soal 1 dari 2" in text("qnum"))
        assert "unggahan kampanye" in text("qtext")
        buttons = driver.find_elements(By.CSS_SELECTOR, "#opts .opt")
        assert [b.get_attribute("data-letter") for b in buttons] == ["A", "B", "C", "D"]
        # the same colour as the projector tiles (palette.TILES)
        assert buttons[1].value_of_css_property("background-color") in (
            "rgba(0, 114, 178, 1)", "rgb(0, 114, 178)")
        shot("4-question")
        hall.clock.advance(4)
        buttons[1].click()
        hall.wait(lambda: "Jawaban diterima" in text("status"))
        assert hall.session.game.answer(f"hp-{NIP}").time_taken == pytest.approx(4.0)
        shot("5-acknowledged")

        # the laptop's server goes away (crash, Wi-Fi) and comes back on the same port
        port = hall.port
        hall.session.stop_server()
        hall.wait(lambda: visible("net"))
        shot("6-reconnecting")
        hall.session.start_server(hall.owner.post, host="127.0.0.1", port=port, limits=LOOSE)
        hall.wait(lambda: not visible("net") and "Jawaban diterima" in text("status"),
                  timeout=20)

        hall.session.reveal()
        hall.wait(lambda: visible("s-result") and "Benar" in text("rtitle"))
        assert "peringkat 1 dari 1" in text("rrank")
        shot("7-result")
        hall.session.end()
        hall.wait(lambda: visible("s-final"))
        assert "Peringkat 1 dari 1" in text("frank")
        assert text("fnilai") == "50"  # one of two questions right
        shot("8-final")
    finally:
        hall.session.close()
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        for path in shots:
            shutil.copy(path, DOCS / path.name)
