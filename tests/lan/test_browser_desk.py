"""The desk page in a real browser (headless Chromium, 360×740): check-in, the pledge, and
a whole self-paced test on a phone with a reload in the middle.

Same requirements as ``test_browser.py`` (Debian's ``chromium`` and ``chromium-driver``;
skipped outside CI when missing). ``UPDATE_SCREENSHOTS=1`` writes the screenshots to
``docs/screenshots/``.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from quiz_app.core.banks import bundled_pledge_file, load_pledge
from quiz_app.core.model import Navigation, Order, Review, TestKind
from quiz_app.core.results import PresenceKind, ResultsStore, presence_rows
from quiz_app.lan.desk import PhoneDesk, SeatStatus
from tests.helpers.fakes import FakeClock, make_bank, make_plan, make_question

from .phones import LOOSE, Owner, poster_png
from .test_browser import DOCS, driver  # noqa: F401  (the fixture)

NIP = "198503122010011002"
SEAT = f"hp-{NIP}"


class Desk:
    def __init__(self, tmp_path: Path) -> None:
        qs = [make_question("q1", answer="B", shuffle=False,
                            text="ASN yang memberi tanda suka pada unggahan kampanye calon "
                                 "kepala daerah di media sosial ...",
                            explanation="Menyukai unggahan kampanye calon termasuk dukungan "
                                        "yang dilarang (SKB 2022).",
                            reference="SKB 5 lembaga 2022",
                            options=[("A", "tidak melanggar, karena hak pribadi"),
                                     ("B", "melanggar netralitas ASN"),
                                     ("C", "boleh bila di luar jam kerja"),
                                     ("D", "boleh bila akunnya tidak memakai nama asli")]),
              make_question("q2", answer="A", shuffle=False),
              make_question("q3", answer="C", shuffle=False)]
        plan = make_plan(order=Order.BANK, shuffle_options=False, time_limit=900,
                         question_time_limit=120, kind=TestKind.PRETEST,
                         review=Review.ANSWERS, navigation=Navigation.FREE,
                         title="Pre-test Netralitas ASN")
        self.clock = FakeClock()
        self.owner = Owner()
        self.desk = PhoneDesk.create(tmp_path / "data", self.clock, plan,
                                     [make_bank(questions=qs)],
                                     pledge=load_pledge(bundled_pledge_file()))
        self.port = self.desk.start_server(self.owner.post, host="127.0.0.1", port=0,
                                           limits=LOOSE)

    def wait(self, cond: Callable[[], object], timeout: float = 15.0) -> None:
        end = time.monotonic() + timeout
        while True:
            self.owner.pump()
            self.desk.tick()
            if cond():
                return
            if time.monotonic() > end:
                raise AssertionError("the page did not get there in time")
            time.sleep(0.05)


def test_desk_page_check_in_pledge_and_a_whole_test_with_reload(driver, tmp_path):  # noqa: F811
    from selenium.webdriver.common.by import By

    d = Desk(tmp_path)
    shots: list[Path] = []

    def shot(name: str) -> None:
        path = tmp_path / f"desk-{name}.png"
        driver.save_screenshot(str(path))
        shots.append(path)

    def el(element_id: str):
        return driver.find_element(By.ID, element_id)

    def text(element_id: str) -> str:
        return el(element_id).text

    def visible(element_id: str) -> bool:
        return el(element_id).is_displayed()

    try:
        driver.get(f"http://127.0.0.1:{d.port}/j/{d.desk.code}")
        el("nip").send_keys(NIP)
        el("joinbtn").click()
        d.wait(lambda: visible("namerow"))
        el("name").send_keys("Ani Lestari")
        el("joinbtn").click()
        d.wait(lambda: visible("s-idle") and "Ani Lestari" in text("whoami"))

        # check-in: the form comes pre-filled with what the laptop knows
        d.desk.open_checkin()
        d.wait(lambda: visible("s-checkin"))
        assert el("ciname").get_attribute("value") == "Ani Lestari"
        el("cipos").send_keys("Analis SDM Ahli Muda")
        el("ciunit").send_keys("BKPSDM Kabupaten")
        shot("1-checkin")
        el("cibtn").click()
        d.wait(lambda: visible("cidone") and "tercatat hadir pukul" in text("cidone"))
        shot("2-checkin-done")

        # the pledge, line by line, confirmed once
        d.desk.open_pledge()
        d.wait(lambda: visible("s-pledge") and "contoh" in text("pltitle").lower())
        assert "bukan teks resmi" in text("pllabel")
        assert len(driver.find_elements(By.CSS_SELECTOR, "#pllines li")) >= 5
        shot("3-pledge")
        el("plbtn").click()
        d.wait(lambda: visible("pldone") and "Ikrar Anda tercatat" in text("pldone"))
        shot("4-pledge-done")
        assert d.desk.counts().pledged == 1 and d.desk.counts().checked_in == 1

        # the pre-test at the participant's own pace
        d.desk.open_test()
        d.wait(lambda: visible("s-intro"))
        assert "3 soal" in text("iline") and "15 menit" in text("iline")
        shot("5-intro")
        el("istart").click()
        d.wait(lambda: visible("s-question") and "Soal 1 dari 3" in text("qnum"))
        assert "unggahan kampanye" in text("qtext")
        shot("6-question")
        d.clock.advance(5)
        driver.find_elements(By.CSS_SELECTOR, "#opts .opt")[1].click()
        d.wait(lambda: "Tersimpan: B" in text("status"))
        shot("7-saved")
        el("flag").click()
        d.wait(lambda: "✓ Ragu-ragu" in text("flag"))
        el("next").click()
        d.wait(lambda: "Soal 2 dari 3" in text("qnum"))
        # leaving the page is counted (and only counted)
        driver.execute_script(
            "function flip(h){Object.defineProperty(document,'hidden',"
            "{configurable:true,get:function(){return h}});"
            "document.dispatchEvent(new Event('visibilitychange'));}"
            "flip(true); flip(false);")
        d.wait(lambda: d.desk.rows()[0].away >= 1)
        # reload mid-test: back on question 2 with the laptop's remaining time
        d.clock.advance(30)
        driver.refresh()
        d.wait(lambda: visible("s-question") and "Soal 2 dari 3" in text("qnum"))
        row = d.desk.rows()[0]
        assert row.status is SeatStatus.IN_PROGRESS and row.question == 2
        assert text("timer") in ("⏱ 1:30", "⏱ 1:29")  # 120 s, 30 s used on this question
        shot("8-after-reload")
        driver.find_elements(By.CSS_SELECTOR, "#opts .opt")[0].click()
        d.wait(lambda: "Tersimpan: A" in text("status"))
        el("next").click()
        d.wait(lambda: "Soal 3 dari 3" in text("qnum") and text("next") == "Selesai")
        el("next").click()  # last question, unanswered: the confirmation lists it
        d.wait(lambda: visible("s-confirm"))
        assert "2 dari 3 soal sudah dijawab" in text("cfline")
        assert "Belum dijawab: 1 soal" in text("cfno") and "ragu-ragu: 1 soal" in text("cffl")
        shot("9-confirm")
        el("cfyes").click()
        d.wait(lambda: visible("s-result") and text("rnilai") != "")
        assert text("rnilai") == "66,67"  # 2 of 3 right
        assert "2 benar" in text("rline")
        shot("10-result")
        el("rreview").click()
        d.wait(lambda: visible("s-review"))
        assert "SKB 2022" in text("rvlist") and "(jawaban Anda)" in text("rvlist")
        shot("11-review")
    finally:
        d.desk.close()
    with ResultsStore.open_in(tmp_path / "data") as store:
        hadir = presence_rows(store, d.desk.session_id, PresenceKind.ATTENDANCE)
        assert [(r.name, r.position, r.unit) for r in hadir] == [
            ("Ani Lestari", "Analis SDM Ahli Muda", "BKPSDM Kabupaten")]
        assert len(presence_rows(store, d.desk.session_id, PresenceKind.PLEDGE)) == 1
        (rec,) = store.attempts(d.desk.session_id)
        assert rec.result is not None and rec.result.correct == 2
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        for path in shots:
            shutil.copy(path, DOCS / path.name)


def test_desk_page_shows_the_question_image_and_stays_answerable(driver, tmp_path):  # noqa: F811
    """A question with an image shows it above the text, within the phone's width and
    short enough to leave the options on screen; a question without one shows none; an
    image that cannot be served leaves a short note and the question answerable."""
    from selenium.webdriver.common.by import By

    folder = tmp_path / "bank"
    folder.mkdir()
    (folder / "poster.png").write_bytes(poster_png(480, 360))
    (folder / "rusak.png").write_text("bukan gambar")  # the server refuses it (404)
    qs = [make_question("q1", answer="B", shuffle=False, image=folder / "poster.png",
                        text="Poster mana yang melanggar netralitas ASN bila dibagikan "
                             "ASN di media sosial?",
                        options=[("A", "Poster kegiatan dinas"),
                                 ("B", "Poster kampanye calon dengan foto ASN berseragam"),
                                 ("C", "Poster imbauan menggunakan hak pilih"),
                                 ("D", "Poster jadwal pemungutan suara dari KPU")]),
          make_question("q2", answer="A", shuffle=False),
          make_question("q3", answer="C", shuffle=False, image=folder / "rusak.png")]
    plan = make_plan(order=Order.BANK, shuffle_options=False, time_limit=900,
                     question_time_limit=120, kind=TestKind.PRETEST,
                     review=Review.ANSWERS, navigation=Navigation.FREE,
                     title="Pre-test Netralitas ASN")
    clock, owner = FakeClock(), Owner()
    desk = PhoneDesk.create(tmp_path / "data", clock, plan, [make_bank(questions=qs)])
    port = desk.start_server(owner.post, host="127.0.0.1", port=0, limits=LOOSE)

    def wait(cond: Callable[[], object], timeout: float = 15.0) -> None:
        end = time.monotonic() + timeout
        while True:
            owner.pump()
            desk.tick()
            if cond():
                return
            if time.monotonic() > end:
                raise AssertionError("the page did not get there in time")
            time.sleep(0.05)

    def el(element_id: str):
        return driver.find_element(By.ID, element_id)

    def tap(element) -> None:  # scrolled clear of the fixed status bar first, like a thumb
        driver.execute_script("arguments[0].scrollIntoView({block:'center'})", element)
        element.click()

    def image_state() -> dict:
        return driver.execute_script(
            "var i=document.getElementById('qimg'),r=i.getBoundingClientRect();"
            "return {shown:!i.classList.contains('hidden'),complete:i.complete,"
            "natural:i.naturalWidth,width:r.width,height:r.height,alt:i.alt,"
            "src:i.getAttribute('src')||''};")

    try:
        driver.get(f"http://127.0.0.1:{port}/j/{desk.code}")
        el("nip").send_keys(NIP)
        el("joinbtn").click()
        wait(lambda: el("namerow").is_displayed())
        el("name").send_keys("Ani Lestari")
        el("joinbtn").click()
        wait(lambda: el("s-idle").is_displayed())
        desk.open_test()
        wait(lambda: el("s-intro").is_displayed())
        el("istart").click()
        wait(lambda: el("s-question").is_displayed() and "Soal 1 dari 3" in el("qnum").text)
        wait(lambda: image_state()["complete"] and image_state()["natural"] > 0)
        img = image_state()
        assert img["shown"] and img["natural"] == 480
        assert img["src"] == f"/img/{desk.test.images[folder / 'poster.png']}"
        assert img["alt"] == "Gambar untuk soal 1"
        assert 0 < img["width"] <= 360 and img["height"] <= 0.4 * 740
        assert not el("qimgerr").is_displayed()
        # the image sits above the question text, and the options stay on the screen
        top = driver.execute_script(
            "return [document.getElementById('qimg').getBoundingClientRect().bottom,"
            "document.getElementById('qtext').getBoundingClientRect().top,"
            "document.querySelectorAll('#opts .opt')[0].getBoundingClientRect().top];")
        assert top[0] <= top[1] and top[2] < 740
        path = tmp_path / "phone-desk-image.png"
        driver.save_screenshot(str(path))
        tap(driver.find_elements(By.CSS_SELECTOR, "#opts .opt")[1])
        wait(lambda: "Tersimpan: B" in el("status").text)
        # a question without an image shows none
        tap(el("next"))
        wait(lambda: "Soal 2 dari 3" in el("qnum").text)
        assert not el("qimg").is_displayed() and not el("qimgerr").is_displayed()
        # an image the laptop cannot serve: a short note, the question still answerable
        tap(el("next"))
        wait(lambda: "Soal 3 dari 3" in el("qnum").text)
        wait(lambda: el("qimgerr").is_displayed())
        driver.save_screenshot(str(tmp_path / "phone-desk-image-failed.png"))
        assert el("qimgerr").text == "Gambar tidak dapat dimuat"
        assert not el("qimg").is_displayed()
        tap(driver.find_elements(By.CSS_SELECTOR, "#opts .opt")[2])
        wait(lambda: "Tersimpan: C" in el("status").text)
    finally:
        desk.close()
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, DOCS / path.name)
