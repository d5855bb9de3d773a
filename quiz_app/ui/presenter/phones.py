"""Presenter mode with phones: the join card on the audience view (QR code, address,
session code) and the phones panel on the trainer console.

The QR code is made by segno and drawn with QPainter (no image files). The address is
picked by the trainer among the laptop's candidates (:func:`address_candidates`); the
first phone's request confirms which one phones really use.
"""

from __future__ import annotations

import ipaddress
import json
import logging
from dataclasses import dataclass
from pathlib import Path

import segno
from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.atomicio import write_atomic
from ...core.hall import Phase
from ...core.people import Roster
from ...lan.hall import PhoneHallSession
from ...lan.limits import Limits
from ...lan.server import JoinPolicy
from .. import dialogs
from ..lan_bridge import LanBridge
from . import palette
from .controller import PresenterController

log = logging.getLogger(__name__)

_VIRTUAL_HINTS = ("virtual", "vmware", "vbox", "vethernet", "hyper-v", "docker", "veth",
                  "br-", "virbr", "vmnet", "wsl", "tailscale", "zerotier", "tun", "tap",
                  "utun", "hamachi", "loopback")


@dataclass(frozen=True)
class Candidate:
    address: str
    interface: str
    private: bool
    virtual: bool

    @property
    def label(self) -> str:
        return f"{self.address} ({self.interface})"


def rank_candidates(found: list[tuple[str, str, bool]]) -> list[Candidate]:
    """``(address, interface name, type says virtual)`` → candidates, private IPv4 first,
    virtual adapters last; link-local and non-IPv4 addresses are dropped."""
    out: list[Candidate] = []
    for address, name, virtual_type in found:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            continue
        if ip.version != 4 or ip.is_loopback or ip.is_link_local or ip.is_unspecified:
            continue
        virtual = virtual_type or any(h in name.lower() for h in _VIRTUAL_HINTS)
        out.append(Candidate(address, name, ip.is_private, virtual))
    out.sort(key=lambda c: (c.virtual, not c.private, c.interface, c.address))
    return out


def address_candidates() -> list[Candidate]:
    """The laptop's addresses a phone could reach: interfaces up and running, not
    loopback, not point-to-point (VPN)."""
    found: list[tuple[str, str, bool]] = []
    flags = QNetworkInterface.InterfaceFlag
    for iface in QNetworkInterface.allInterfaces():
        f = iface.flags()
        if not (f & flags.IsUp) or not (f & flags.IsRunning) or (f & flags.IsLoopBack) \
                or (f & flags.IsPointToPoint):
            continue
        virtual = iface.type() == QNetworkInterface.InterfaceType.Virtual
        for entry in iface.addressEntries():
            ip = entry.ip()
            if ip.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                found.append((ip.toString(), iface.humanReadableName(), virtual))
    return rank_candidates(found)


# --------------------------------------------------------------------------- settings

def _settings_path(data_dir: Path) -> Path:
    return Path(data_dir) / "hp.json"


def remembered(data_dir: Path) -> dict[str, object]:
    """The port and address used last time (so printed join cards keep working)."""
    try:
        data = json.loads(_settings_path(data_dir).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def remember(data_dir: Path, **values: object) -> None:
    data = remembered(data_dir)
    data.update(values)
    try:
        write_atomic(_settings_path(data_dir), json.dumps(data).encode(), durable=False)
    except OSError as exc:
        log.warning("phone settings not saved: %s", exc)


# --------------------------------------------------------------------------- QR


class QrCode(QWidget):
    """A QR code drawn module by module, black on white with its quiet zone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix: tuple[tuple[bool, ...], ...] = ()
        self.text = ""

    def set_text(self, text: str) -> None:
        if text == self.text:
            return
        self.text = text
        qr = segno.make(text, error="m", boost_error=False)
        self._matrix = tuple(tuple(bool(v) for v in row) for row in qr.matrix)
        self.setAccessibleName(text)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        n = len(self._matrix)
        if not n:
            return
        quiet = 4
        side = min(self.width(), self.height())
        module = max(1, side // (n + 2 * quiet))
        size = module * (n + 2 * quiet)
        x0 = (self.width() - size) // 2
        y0 = (self.height() - size) // 2
        p = QPainter(self)
        p.fillRect(QRect(x0, y0, size, size), QColor("#FFFFFF"))
        black = QColor("#000000")
        for r, row in enumerate(self._matrix):
            for c, dark in enumerate(row):
                if dark:
                    p.fillRect(x0 + (c + quiet) * module, y0 + (r + quiet) * module,
                               module, module, black)
        p.end()


# --------------------------------------------------------------------------- audience


class JoinCard(QWidget):
    """Covers the audience view while phones may join: the QR code, the address in large
    type and the session code."""

    def __init__(self, audience: QWidget, controller: PresenterController,
                 phones: PhonesPanel) -> None:
        super().__init__(audience)
        self.setObjectName("JoinCard")
        self.controller = controller
        self.phones = phones
        self.qr = QrCode(self)
        self.title = QLabel(self.tr("Jawab lewat HP"), self)
        self.steps = QLabel(self)
        self.url = QLabel(self)
        self.code = QLabel(self)
        self.count = QLabel(self)
        for label in (self.title, self.steps, self.url, self.code, self.count):
            label.setWordWrap(True)
        audience.installEventFilter(self)
        controller.changed.connect(self.refresh)
        phones.changed.connect(self.refresh)
        self.refresh()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self._layout()
        return False

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(palette.BACKGROUND))
        p.end()

    def refresh(self) -> None:
        url = self.phones.join_url()
        self.qr.set_text(url)
        self.url.setText(url)
        self.code.setText(self.tr("Kode sesi: {0}").format(self.phones.session.code or ""))
        self.steps.setText(self.tr("1. Sambungkan HP ke Wi-Fi aula (data seluler boleh "
                                   "dimatikan).\n2. Pindai kode QR, atau ketik alamat ini di "
                                   "peramban HP:"))
        joined, connected, _ = self.phones.session.counts()
        self.count.setText(self.tr("{0} peserta bergabung · {1} tersambung").format(
            joined, connected))
        game = self.controller.game
        self.setVisible(self.phones.show_qr.isChecked() and game.phase is Phase.READY)
        if self.isVisible():
            self.raise_()
            self._layout()

    def _layout(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.setGeometry(parent.rect())
        w, h = self.width(), self.height()
        margin = max(12, h // 24)
        qr_side = min(h - 2 * margin, int(w * 0.45))
        self.qr.setGeometry(margin, (h - qr_side) // 2, qr_side, qr_side)
        x = margin * 2 + qr_side
        tw = w - x - margin
        big = max(14, h // 14)
        mid = max(11, h // 26)
        y = margin
        for label, size, bold, share, colour in (
                (self.title, big, True, 0.16, palette.TEXT),
                (self.steps, mid, False, 0.26, palette.MUTED),
                (self.url, mid, True, 0.22, palette.TEXT),
                (self.code, big, True, 0.18, palette.ALERT),
                (self.count, mid, False, 0.12, palette.MUTED)):
            # a style sheet, since the application's style sheet sets the font size
            label.setStyleSheet(f"color: {colour}; background: transparent; "
                                f"font-size: {size}px; font-weight: {700 if bold else 400};")
            lh = int((h - 2 * margin) * share)
            label.setGeometry(x, y, tw, lh)
            y += lh


# --------------------------------------------------------------------------- console


class PhonesPanel(QGroupBox):
    """On the trainer console: address, counts, locking, take-overs and removing seats."""

    changed = Signal()

    def __init__(self, session: PhoneHallSession, data_dir: Path,
                 candidates: list[Candidate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("HP peserta"))
        self.session = session
        self.data_dir = Path(data_dir)
        self.address = QComboBox(self)
        self.address.setAccessibleName(self.tr("Alamat laptop untuk HP"))
        last = remembered(self.data_dir).get("address")
        for c in candidates:
            self.address.addItem(c.label, c.address)
        if not candidates:
            self.address.addItem(self.tr("127.0.0.1 (tidak ada jaringan)"), "127.0.0.1")
        if isinstance(last, str):
            i = self.address.findData(last)
            if i >= 0:
                self.address.setCurrentIndex(i)
        self.address.currentIndexChanged.connect(self._address_changed)
        # a long adapter name must not widen the console: the list shows it whole
        self.address.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.address.setMinimumContentsLength(24)
        self.url = QLabel(self)
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confirmed = QLabel(self)
        self.counts = QLabel(self)
        self.show_qr = QCheckBox(self.tr("Tampilkan kode QR di layar peserta"), self)
        self.show_qr.setChecked(True)
        self.show_qr.toggled.connect(lambda _on: self.changed.emit())
        self.lock = QCheckBox(self.tr("Kunci ruang (peserta baru tidak dapat masuk)"), self)
        self.lock.toggled.connect(self._lock)
        self.takeover_label = QLabel(self)
        # one line (a wrapped label makes the panel height-for-width, and the console's
        # layout then squeezed the panel's buttons at 1024×600); a long name is cut, whole
        # in the tooltip
        self.takeover_label.setSizePolicy(QSizePolicy.Policy.Ignored,
                                          QSizePolicy.Policy.Preferred)
        self.takeover_label.setMinimumWidth(120)
        self.approve = QPushButton(self.tr("Setujui pindah HP"), self)
        self.refuse = QPushButton(self.tr("Tolak"), self)
        self.approve.clicked.connect(lambda: self._takeover(True))
        self.refuse.clicked.connect(lambda: self._takeover(False))
        self.seats = QComboBox(self)
        self.seats.setAccessibleName(self.tr("Peserta yang bergabung"))
        self.remove = QPushButton(self.tr("Keluarkan"), self)
        self.remove.setAccessibleName(self.tr("Keluarkan peserta terpilih"))
        self.remove.clicked.connect(self._remove)

        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setVerticalSpacing(2)
        # no row holds more than the two check boxes' width: the panel fits a 1024 px
        # wide console (the seats and the counts share a row, as do address and contact)
        grid.addWidget(QLabel(self.tr("Alamat:"), self), 0, 0)
        grid.addWidget(self.address, 0, 1)
        grid.addWidget(self.url, 0, 2)
        grid.addWidget(self.confirmed, 0, 3, 1, 2)
        grid.addWidget(self.counts, 1, 0, 1, 3)
        grid.addWidget(self.seats, 1, 3)
        grid.addWidget(self.remove, 1, 4)
        grid.addWidget(self.show_qr, 2, 0, 1, 2)
        grid.addWidget(self.lock, 2, 2, 1, 3)
        grid.addWidget(self.takeover_label, 3, 0, 1, 3)
        grid.addWidget(self.approve, 3, 3)
        grid.addWidget(self.refuse, 3, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(3, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.refresh()

    def join_url(self) -> str:
        address = self.address.currentData() or "127.0.0.1"
        return f"http://{address}:{self.session.server.port if self.session.server else 0}" \
               f"/j/{self.session.code}"

    def refresh(self) -> None:
        s = self.session
        self.url.setText(self.join_url())
        host = s.confirmed_host
        self.confirmed.setText(self.tr("✓ HP pertama tersambung lewat {0}").format(host)
                               if host else self.tr("Belum ada HP yang tersambung."))
        joined, connected, answered = s.counts()
        self.counts.setText(self.tr("Bergabung: {0} · tersambung sekarang: {1} · menjawab "
                                    "soal ini: {2}").format(joined, connected, answered))
        pending = s.takeovers[0] if s.takeovers else None
        self.takeover_label.setText(
            self.tr("{0} meminta pindah ke HP lain.").format(pending.name) if pending else "")
        self.takeover_label.setToolTip(self.takeover_label.text())
        for w in (self.takeover_label, self.approve, self.refuse):
            w.setVisible(pending is not None)
        if self.seats.count() != len(s.game.participants):
            for p in s.game.participants[self.seats.count():]:
                self.seats.addItem(p.name, p.id)
        self.changed.emit()

    def _address_changed(self) -> None:
        remember(self.data_dir, address=self.address.currentData())
        self.refresh()

    def _lock(self, on: bool) -> None:
        self.session.set_locked(on)
        if on:
            self.show_qr.setChecked(False)
        self.refresh()

    def _takeover(self, approve: bool) -> None:
        if self.session.takeovers:
            self.session.resolve_takeover(self.session.takeovers[0].id, approve)
        self.refresh()

    def _remove(self) -> None:
        seat_id = self.seats.currentData()
        if seat_id is None:
            return
        if not dialogs.confirm(self, self.tr("Keluarkan peserta"),
                               self.tr("Keluarkan {0}? HP-nya terputus; jawaban yang sudah "
                                       "masuk tetap tersimpan.").format(self.seats.currentText())):
            return
        self.session.remove_seat(str(seat_id))
        self.refresh()


# --------------------------------------------------------------------------- wiring


@dataclass(frozen=True)
class PhoneOptions:
    """How phones join: the roster to check NIPs against, whether guests (no NIP, a name)
    may join, and where to listen (tests use loopback)."""

    roster: Roster | None = None
    guests: bool = False
    host: str = "0.0.0.0"
    port: int | None = None  # None: the port used last time, else any free one
    limits: Limits | None = None
    candidates: tuple[Candidate, ...] | None = None  # None: ask QNetworkInterface


@dataclass
class PhonesUi:
    bridge: LanBridge
    panel: PhonesPanel
    card: JoinCard


def attach_phones(session: PhoneHallSession, controller: PresenterController,
                  audience: QWidget, console: QWidget, data_dir: Path,
                  options: PhoneOptions) -> PhonesUi:
    """Start listening for phones and add the join card and the console panel."""
    bridge = LanBridge(session, controller)
    wanted = options.port
    if wanted is None:
        last = remembered(data_dir).get("port")
        wanted = last if isinstance(last, int) and 1024 <= last <= 65535 else 0
    port = session.start_server(bridge.post, host=options.host, port=wanted,
                                policy=JoinPolicy(options.roster, options.guests),
                                limits=options.limits)
    remember(data_dir, port=port)
    candidates = list(options.candidates) if options.candidates is not None \
        else address_candidates()
    panel = PhonesPanel(session, data_dir, candidates, console)
    layout = console.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(1, panel)
    card = JoinCard(audience, controller, panel)
    label = getattr(console, "discussion_label", None)
    if isinstance(label, QLabel):
        label.setText(console.tr("Peserta menjawab lewat HP: jumlah yang sudah menjawab ada di "
                                 "panel HP peserta di atas dan di layar peserta."))
    bridge.changed.connect(panel.refresh)
    controller.changed.connect(panel.refresh)
    on_tick = getattr(audience, "on_tick", None)
    if on_tick is not None:
        bridge.changed.connect(on_tick)
    bridge.store_failed.connect(lambda exc: controller.message.emit(
        controller.tr("Gagal menyimpan jawaban HP: {0}").format(exc.message)))
    return PhonesUi(bridge, panel, card)
