"""The compact stored form of attempts (schema v5): each session's questions once, in
``session_questions`` (keyed by session, question id and a hash of the question's
content), and per attempt only references to them with the option order and time limit.

Stored ``spec_json`` (form 2; the whole-spec form before it has no ``"v"``)::

    {"v": 2, "seed": "...", "plan": null, "q": [ref, ...], "o": "DBCA,BS,...", "t": 30}

``plan`` is null when the attempt's plan is the session's own (``sessions.plan_json``),
else the plan dict. ``q`` holds ``session_questions.id`` references in display order; ``o``
the option orders, each one's keys joined (keys are one letter), comma-separated (a list
of lists should a key ever be longer); ``t`` the time limit of every question, or a list.

Stored ``result_json`` (schema v5): the result dict with ``per_question`` replaced by ``pq``, one
entry per spec question, when the scores follow the spec's questions one for one
(question ids and categories then come from the spec): ``"c"`` correct (full points),
``"w"`` wrong, ``"u"`` unanswered (no points), each with ``max_points`` the question's
points; anything else ``[points, max_points, correct, answered, fraction]``, with a sixth
item, ``excluded`` (``skipped``/``not_shown``), when the question did not count. Otherwise the
full v1 form is kept, which decoders also read.

Everything here works on plain dicts so the migration never needs the model classes.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from typing import Any

COMPACT_FORMAT = 2  # the "v" of a compact spec_json document
COMPACT_SCHEMA = 5  # the schema version whose migration step compacts the attempts


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def content_hash(question: dict[str, Any]) -> str:
    """128 bits of sha256 over the question's canonical JSON (keys sorted)."""
    canonical = json.dumps(question, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:32]


def spec_document(seed: str, plan: dict[str, Any] | None,
                  entries: Sequence[tuple[int, Sequence[str], int]]) -> str:
    orders = [list(order) for _, order, _ in entries]
    limits = [limit for _, _, limit in entries]
    one_letter = all(len(k) == 1 and k != "," for order in orders for k in order)
    return dumps({
        "v": COMPACT_FORMAT, "seed": seed, "plan": plan, "q": [ref for ref, _, _ in entries],
        "o": ",".join("".join(o) for o in orders) if one_letter else orders,
        "t": limits[0] if limits and all(t == limits[0] for t in limits) else limits,
    })


def spec_entries(doc: dict[str, Any]) -> list[tuple[int, tuple[str, ...], int]]:
    """``(ref, option order, time limit)`` per question of a compact ``spec_json`` document."""
    refs = doc["q"]
    orders = doc["o"]
    if isinstance(orders, str):
        orders = orders.split(",") if refs else []
    limits = doc["t"]
    if not isinstance(limits, list):
        limits = [limits] * len(refs)
    if not len(refs) == len(orders) == len(limits):
        raise ValueError("daftar soal, urutan pilihan dan batas waktu tidak sama panjang")
    return [(int(r), tuple(o), int(t)) for r, o, t in zip(refs, orders, limits, strict=True)]


# (correct, answered, fraction, points == max_points?) -> one-letter code
_CODES = {(True, True, 1.0, True): "c", (False, True, 0.0, False): "w",
          (None, False, 0.0, False): "u"}
SCORE_CODES = {"c": (True, True, 1.0), "w": (False, True, 0.0), "u": (None, False, 0.0)}


def _score_entry(s: dict[str, Any], points: Any) -> str | list[Any]:
    mx, got = s["max_points"], s["points"]
    if s.get("excluded") is not None:  # a hall question skipped or never shown
        return [got, mx, s["correct"], s["answered"], s["fraction"], s["excluded"]]
    if isinstance(mx, float) and mx == float(points) and (got == mx or got == 0.0) and \
            isinstance(got, float):
        code = _CODES.get((s["correct"], s["answered"], s["fraction"], got == mx and got != 0))
        if code is not None:
            return code
    return [got, mx, s["correct"], s["answered"], s["fraction"]]


def compact_result(result: dict[str, Any],
                   questions: Sequence[tuple[str, str, Any]]) -> dict[str, Any]:
    """``result`` (v1 dict) with per-question scores as codes or rows, when they follow
    ``questions`` (``(id, category, points)`` in spec order) one for one; else unchanged."""
    per = result.get("per_question")
    if per is None or len(per) != len(questions) or any(
        s["question_id"] != qid or s["category"] != cat
        for s, (qid, cat, _) in zip(per, questions, strict=True)
    ):
        return result
    out = {k: v for k, v in result.items() if k != "per_question"}
    out["pq"] = [_score_entry(s, pts) for s, (_, _, pts) in zip(per, questions, strict=True)]
    return out


def legacy_partial(result: dict[str, Any]) -> int:
    """"Sebagian benar" of a result stored before it was counted (no ``partial`` key):
    answered, not correct, some credit. Those were counted as wrong then."""
    pq = result.get("pq")
    if pq is not None:
        return sum(1 for e in pq if isinstance(e, list) and e[3] and e[2] is False and e[4] > 0)
    return sum(1 for s in result.get("per_question", ())
               if s["answered"] and s["correct"] is False and s["fraction"] > 0)


def _question_ref(conn: sqlite3.Connection, session_id: int, q: dict[str, Any],
                  known: dict[tuple[int, str, str], int]) -> int:
    digest = content_hash(q)
    key = (session_id, str(q["id"]), digest)
    ref = known.get(key)
    if ref is None:
        conn.execute(
            "INSERT OR IGNORE INTO session_questions (session_id, question_id, content_hash,"
            " question_json) VALUES (?, ?, ?, ?)",
            (session_id, key[1], digest, dumps(q)),
        )
        ref = int(conn.execute(
            "SELECT id FROM session_questions WHERE session_id = ? AND question_id = ?"
            " AND content_hash = ?", key).fetchone()[0])
        known[key] = ref
    return ref


def migrate_v5(conn: sqlite3.Connection) -> None:
    """Migration step v4 -> v5: move every attempt's questions into ``session_questions``
    and rewrite its spec and result in the compact form (inside the step's transaction)."""
    plans = {int(sid): pj for sid, pj in conn.execute("SELECT id, plan_json FROM sessions")}
    known: dict[tuple[int, str, str], int] = {}
    last = 0
    while True:  # in batches: a big file's specs need not all be in memory at once
        rows = conn.execute(
            "SELECT rowid, id, session_id, spec_json, result_json FROM attempts"
            " WHERE rowid > ? ORDER BY rowid LIMIT 500", (last,)).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        conn.executemany(
            "UPDATE attempts SET spec_json = ?, result_json = ?, correct = ?, wrong = ?,"
            " unanswered = ?, duration = ? WHERE id = ?",
            [u for u in (_compact_row(conn, plans, known, *r[1:]) for r in rows) if u],
        )


def _compact_row(conn: sqlite3.Connection, plans: dict[int, str],
                 known: dict[tuple[int, str, str], int], attempt_id: str, session_id: int,
                 spec_json: str, result_json: str | None) -> tuple[Any, ...] | None:
    spec = json.loads(spec_json)
    if spec.get("v") == COMPACT_FORMAT:  # already compact
        return None
    entries = []
    questions: list[tuple[str, str, Any]] = []
    for aq in spec["questions"]:
        q = aq["question"]
        entries.append((_question_ref(conn, session_id, q, known), aq["option_order"],
                        aq["time_limit"]))
        questions.append((q["id"], q["category"], q["points"]))
    plan = spec["plan"]
    same = plans.get(int(session_id)) == dumps(plan)
    new_spec = spec_document(spec["seed"], None if same else plan, entries)
    counts: tuple[Any, ...] = (None, None, None, None)
    new_result = result_json
    if result_json is not None:
        result = json.loads(result_json)
        counts = (result["correct"], result["wrong"], result["unanswered"], result["duration"])
        new_result = dumps(compact_result(result, questions))
    return (new_spec, new_result, *counts, attempt_id)
