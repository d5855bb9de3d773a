"""Who may take a test: the identity rules of participant mode (no Qt, no prose).

The participant types a NIP (or nothing, as a guest) and a name. The rules:

* an empty NIP means a guest; guests are accepted only when the trainer allowed them;
* a non-empty NIP must be valid (:func:`quiz_app.core.people.nip.nip_problem`);
* with a roster, a NIP on the roster takes the roster's name, position, unit and rank;
  a valid NIP that is not on the roster is accepted only when guests are allowed;
* a name is always required (a roster supplies it).

The UI turns the :class:`IdentityProblem` code into a translated message; ``detail`` is
the core's Indonesian NIP message when the NIP itself is malformed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ..model import Participant
from ..people import Roster, nip_problem, normalize_nip

__all__ = ["IdentityCheck", "IdentityProblem", "check_identity", "roster_match"]


class IdentityProblem(StrEnum):
    NAME_MISSING = "name_missing"
    NIP_INVALID = "nip_invalid"
    NOT_IN_ROSTER = "not_in_roster"
    GUEST_NOT_ALLOWED = "guest_not_allowed"


@dataclass(frozen=True)
class IdentityCheck:
    participant: Participant | None
    problem: IdentityProblem | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.problem is None and self.participant is not None


def roster_match(
    nip_raw: str, roster: Roster | None, today: date | None = None
) -> Participant | None:
    """The roster entry of a valid NIP (for filling in the name as the participant types)."""
    if roster is None or not normalize_nip(nip_raw) or nip_problem(nip_raw, today) is not None:
        return None
    return roster.find(nip_raw)


def check_identity(
    nip_raw: str,
    name: str,
    *,
    roster: Roster | None,
    guests_allowed: bool,
    today: date | None = None,
) -> IdentityCheck:
    """Apply the identity rules (module docstring) and return the participant or why not."""
    name = " ".join(name.split())
    nip = normalize_nip(nip_raw)
    if not nip:
        if not guests_allowed:
            return IdentityCheck(None, IdentityProblem.GUEST_NOT_ALLOWED)
        if not name:
            return IdentityCheck(None, IdentityProblem.NAME_MISSING)
        return IdentityCheck(Participant(name=name))
    problem = nip_problem(nip_raw, today)
    if problem is not None:
        return IdentityCheck(None, IdentityProblem.NIP_INVALID, problem)
    if roster is not None:
        found = roster.find(nip)
        if found is not None:
            return IdentityCheck(found)
        if not guests_allowed:
            return IdentityCheck(None, IdentityProblem.NOT_IN_ROSTER)
    if not name:
        return IdentityCheck(None, IdentityProblem.NAME_MISSING)
    return IdentityCheck(Participant(name=name, nip=nip))
