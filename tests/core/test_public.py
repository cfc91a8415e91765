"""The one-time submission token under a race: of two requests sending one token at once, one files.

Run against the configured cache: local memory by default, Redis in CI (REDIS_URL), where `cache.add`
is Redis's SET NX. Through HTTP with the complaint form, see tests/complaints/test_concurrency.py.
"""

import threading
import time

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from workflows.core.public import TOKEN_FIELD, SubmissionToken


def submission_of(token_type, raw, scope=""):
    return token_type.read(RequestFactory().post("/", {TOKEN_FIELD: raw}), scope)


def test_two_concurrent_runs_with_one_token_file_once_and_agree_on_the_outcome():
    tokens = SubmissionToken("tests:race", wait_seconds=5)
    raw = tokens.issue()
    filed = []
    barrier = threading.Barrier(2)
    outcomes = []

    def save():
        filed.append(1)
        time.sleep(0.3)  # the first is still filing when the second arrives
        return 42, "CODE1234"

    def post():
        submission = submission_of(tokens, raw)
        barrier.wait(timeout=5)
        outcomes.append(submission.run(save))

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)

    assert len(filed) == 1
    assert sorted(o.fresh for o in outcomes) == [False, True]
    assert {(o.pk, o.secret) for o in outcomes} == {(42, "CODE1234")}


def test_a_failed_save_leaves_the_token_unused():
    tokens = SubmissionToken("tests:failure")
    raw = tokens.issue()

    def broken():
        raise RuntimeError("disk full")

    submission = submission_of(tokens, raw)
    with pytest.raises(RuntimeError):
        submission.run(broken)
    assert submission.outcome() is None
    assert submission.run(lambda: (7, "")).fresh


def test_the_cache_holds_no_token_and_no_readable_secret():
    tokens = SubmissionToken("tests:sealed")
    raw = tokens.issue()
    submission = submission_of(tokens, raw)
    submission.run(lambda: (7, "K7Q2M9XA"))
    record = cache.get(submission.key)
    assert raw not in submission.key
    assert "K7Q2M9XA" not in str(record)
    assert submission_of(tokens, raw).outcome().secret == "K7Q2M9XA"


def test_a_token_is_bound_to_its_form_and_scope():
    answers = SubmissionToken("tests:answer")
    raw = answers.issue(scope=1)
    assert submission_of(answers, raw, scope=1).valid
    assert not submission_of(answers, raw, scope=2).valid
    assert not submission_of(SubmissionToken("tests:other"), raw, scope=1).valid
    assert not submission_of(answers, raw[:-1] + ("A" if raw[-1] != "A" else "B"), scope=1).valid
