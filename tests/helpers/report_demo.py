"""A realistic finished pre-test/post-test pair in a real store, for the printed report,
certificates and lists (tests, screenshots and the bench).

    pre_id, post_id = demo_sessions(store, 12)

Both sessions use the bundled neutrality plans; each person draws their own questions
(seeded), answers through the engine, and knows more on the post-test.
"""

from __future__ import annotations

import random

from quiz_app.core.banks import bundled_banks_dir, load_runnable
from quiz_app.core.quiz import build_attempt
from quiz_app.core.results import ResultsStore
from tests.helpers.results import demo_answers, demo_people, take

PLACE = "Aula Kantor Bupati Sleman"
TRAINER = "Dra. Sri Wahyuni, M.Si."
DATE = "2025-03-04"


def demo_sessions(store: ResultsStore, n: int = 12, *, seed: str = "laporan",
                  pretest: bool = True) -> tuple[int | None, int]:
    """Fill a pre-test (optional) and its linked post-test with ``n`` people."""
    plans = bundled_banks_dir() / "plans"
    pre_plan, pre_banks = load_runnable(plans / "netralitas_pretest.yaml")
    post_plan, post_banks = load_runnable(plans / "netralitas_posttest.yaml")
    people = demo_people(n)
    rng = random.Random(seed)
    skills = [min(0.97, max(0.15, rng.gauss(0.55, 0.17))) for _ in people]
    pre_id = None
    if pretest:
        pre = store.create_session("Pre-test Sosialisasi Netralitas ASN", pre_plan,
                                   place=PLACE, trainer=TRAINER, date=DATE)
        pre_id = pre.id
        for i, (person, skill) in enumerate(zip(people, skills, strict=True)):
            spec = build_attempt(pre_plan, pre_banks, f"{seed}-pre-{i}")
            take(store, pre.id, person, spec, demo_answers(spec, skill, f"{seed}-a-{i}"))
    post = store.create_session("Sosialisasi Netralitas ASN Pemilu 2025", post_plan,
                                place=PLACE, trainer=TRAINER, date=DATE,
                                pretest_session_id=pre_id)
    for i, (person, skill) in enumerate(zip(people, skills, strict=True)):
        spec = build_attempt(post_plan, post_banks, f"{seed}-post-{i}")
        better = min(0.98, skill + 0.25 * (1 - skill) + rng.uniform(-0.05, 0.1))
        take(store, post.id, person, spec, demo_answers(spec, better, f"{seed}-b-{i}"))
    return pre_id, post.id
