"""Scoring the bot's understanding on a labelled corpus, through the real Coach.

Each corpus line is said by a person in a fixed situation (`CONTEXTS`), on that
situation's database as it stood before the line. What the bot *did* is read back from
the database (an interview added, an outcome stored, a step snoozed…), not from its
words, and scored against the line's label: acted correctly, asked (changed nothing),
or acted wrongly.

`python -m tests.bot.parsing.understanding` prints the table and the ids of the lines
acted on wrongly (`--show`: with their words, which a held-out part's tuner must not
read); `--write` rewrites docs/UNDERSTANDING.md with the table.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import shutil
import sqlite3
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from adapters.runtime import Runtime, build_runtime
from adapters.settings import load_settings
from bot.messages import Inbound, Reply
from bot.model import CheckpointKind, CheckpointState, Identity, Outcome, Platform, PromiseKind
from bot.ports.clock import SimulatedClock

CORPUS = Path(__file__).resolve().parent / "corpus"
PARTS = ("tuning", "tuning2", "tuning3", "tuning4", "tuning5", "tuning6", "tuning7", "tuning8",
         "tuning9", "tuning10", "tuning11", "tuning12", "tuning13", "tuning14", "tuning15",
         "tuning16", "tuning17", "tuning18", "tuning19", "tuning20", "tuning21", "tuning22",
         "tuning23", "tuning24", "tuning25", "tuning26", "tuning27", "tuning28",
         "tuning29", "tuning30", "tuning31", "tuning32", "tuning33", "tuning34", "tuning35",
         "tuning36", "tuning37", "tuning38", "tuning39", "tuning40", "tuning41", "tuning42",
         "tuning43", "tuning44", "tuning45", "tuning46", "tuning47", "tuning48", "tuning49",
         "tuning50", "tuning51", "tuning52", "tuning53", "tuning54", "tuning55", "tuning56",
         "tuning57", "tuning58", "tuning59", "tuning60", "tuning61", "tuning62", "tuning63",
         "tuning64", "tuning65", "tuning66", "tuning67", "tuning68", "tuning69",
         "tuning70", "tuning71", "tuning72", "tuning73", "tuning74",
         "tuning75", "tuning76", "tuning77", "tuning78", "tuning79", "tuning80",
         "tuning81", "tuning82", "tuning83", "tuning84", "tuning85", "tuning86",
         "tuning87", "tuning88", "tuning89", "tuning90", "tuning91", "tuning92",
         "tuning93", "tuning94", "tuning95", "tuning96",
         "tuning97", "tuning98", "tuning99", "tuning100", "tuning101", "tuning102",
         "tuning103", "tuning104", "tuning105", "tuning106", "tuning107", "tuning108",
         "tuning109", "tuning110", "tuning111", "tuning112", "tuning113", "tuning114",
         "tuning115", "tuning116", "tuning117", "tuning118", "tuning119", "tuning120",
         "tuning121", "tuning122", "tuning123", "tuning124", "tuning125", "tuning126",
         "tuning127", "tuning128", "tuning129", "tuning130", "tuning131", "tuning132",
         "tuning133", "tuning134", "tuning135", "tuning136", "tuning137", "tuning138",
         "tuning139", "tuning140", "tuning141", "tuning142", "tuning143", "tuning144",
         "tuning145", "tuning146", "tuning147", "tuning148", "tuning149", "tuning150",
         "tuning151", "tuning152", "tuning153", "tuning154", "tuning155", "tuning156",
         "tuning157", "tuning158", "tuning159", "tuning160", "tuning161", "tuning162",
         "tuning163", "tuning164", "tuning165", "tuning166", "tuning167", "tuning168",
         "tuning169", "tuning170", "tuning171", "tuning172", "tuning173", "tuning174",
         "tuning175", "tuning176", "tuning177", "tuning178", "tuning179", "tuning180",
         "tuning181", "tuning182", "tuning183", "tuning184", "tuning185", "tuning186",
         "tuning187", "tuning188", "tuning189", "tuning190", "tuning191", "tuning192",
         "tuning193", "tuning194",
         "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
         "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13",
         "heldout14", "heldout15", "heldout16", "heldout17", "heldout18", "heldout19",
         "heldout20", "heldout21", "heldout22", "heldout23", "heldout24", "heldout25",
         "heldout26", "heldout27", "heldout28", "heldout29", "heldout30", "heldout31",
         "heldout32", "heldout33")
#: Parts whose authors were told both interviews exist while a third is being added.
BOTH_WHILE_ADDING = frozenset({*(f"tuning{n}" for n in range(153, 195)), "heldout32",
                               "heldout33"})
NEW_YORK = ZoneInfo("America/New_York")
START = datetime(2026, 11, 23, 16, 30, tzinfo=NEW_YORK)
ME = Identity(Platform.CONSOLE, "local", "corpus")

#: Each situation, as the lines a person typed to reach it.
CONTEXTS: dict[str, tuple[str, ...]] = {
    "none": (),
    "one_open": ("add Acme, data analyst, today 2pm with Jane Smith",),
    "two_open": ("add Acme, data analyst, today 2pm with Jane Smith",
                 "add Initech, QA engineer, 2026-11-20 10am with Dana Wu and Raj Patel, "
                 "they'll decide by 2026-11-27"),
    "asking_role": ("add Acme, data analyst, today 2pm with Jane Smith", "add", "Globex"),
    "asking_people": ("add Acme, data analyst, today 2pm with Jane Smith", "add", "Globex",
                      "designer", "2026-11-24 11am"),
    # Written since the twenty-eighth session: both interviews are there while a third is
    # added, as those authors were told (earlier authors were told only #1 was).
    "asking_role_both": ("add Acme, data analyst, today 2pm with Jane Smith",
                         "add Initech, QA engineer, 2026-11-20 10am with Dana Wu and Raj Patel, "
                         "they'll decide by 2026-11-27", "add", "Globex"),
    "asking_people_both": ("add Acme, data analyst, today 2pm with Jane Smith",
                           "add Initech, QA engineer, 2026-11-20 10am with Dana Wu and Raj "
                           "Patel, they'll decide by 2026-11-27", "add", "Globex", "designer",
                           "2026-11-24 11am"),
    "after_call": ("add Acme, data analyst, today 2pm with Jane Smith",
                   "add Initech, QA engineer, 2026-11-20 10am with Dana Wu and Raj Patel, "
                   "they'll decide by 2026-11-27", "called 2 answered"),
}
ACTING = {"add", "outcome", "promise", "call", "sent", "snooze", "cancel", "remove",
          "correct", "answer"}
OUTCOME_LABEL = {Outcome.OFFER: "offer", Outcome.REJECTED: "rejected",
                 Outcome.NEXT_ROUND: "next_round", Outcome.WITHDREW: "withdrew",
                 Outcome.HEARD: "other"}
PROMISE_LABEL = {"decide_by": PromiseKind.THEY_DECIDE_BY,
                 "they_contact": PromiseKind.THEY_DECIDE_BY,
                 "call_on": PromiseKind.YOU_CALL_ON}


@dataclass(frozen=True, slots=True)
class Line:
    id: str
    part: str
    category: str
    style: str
    text: str
    context: str
    expect: str | dict[str, Any]


@dataclass(frozen=True, slots=True)
class Verdict:
    line: Line
    result: str  # "correct" | "asked" | "wrong"
    did: tuple[str, ...] = ()  # what changed, in words, for a wrong action
    reply: str = ""


def load(part: str) -> list[Line]:
    lines = []
    for raw in (CORPUS / f"{part}.jsonl").read_text(encoding="utf-8").splitlines():
        if raw.strip():
            data = json.loads(raw)
            context = data["context"]
            if part in BOTH_WHILE_ADDING and context in ("asking_role", "asking_people"):
                context += "_both"
            lines.append(Line(data["id"], part, data["category"], data["style"],
                              data["text"], context, _after_call(context, data["expect"])))
    return lines


def _after_call(context: str, expect: Any) -> Any:
    """An answer to "what did they say?" labelled as the answer (`{"intent": "answer",
    "value": "offer"}`, some authors' shape) is the change it makes to the interview
    called (#2), as the other authors label it: an outcome, a date, or nothing."""
    if context != "after_call" or not isinstance(expect, dict) \
            or expect.get("intent") != "answer":
        return expect
    value = str(expect.get("value", ""))
    if value in ("offer", "rejected", "next_round", "withdrew", "other"):
        return {"intent": "outcome", "interview": 2, "outcome": value,
                "next_round_when": None}
    if value == "no_news":
        return {"intent": "unknown"}
    return {"intent": "promise", "interview": 2, "kind": None, "on": value}


# --- the world each line is said in ----------------------------------------------------------
def _say(runtime: Runtime, text: str) -> list[Reply]:
    return runtime.coach.handle(Inbound(identity=ME, text=text, platform_tz="America/New_York"))


@contextmanager
def situations() -> Iterator[dict[str, Path]]:
    """One database file per context, built once; each line runs on a copy."""
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for name, lines in CONTEXTS.items():
            path = Path(folder) / f"{name}.db"
            runtime = _runtime(path)
            try:
                _say(runtime, "tz America/New_York")
                for text in lines:
                    _say(runtime, text)
            finally:
                runtime.stop()
            files[name] = path
        yield files


def _runtime(path: Path) -> Runtime:
    settings = load_settings(database_url=f"sqlite:///{path}", timezone="America/New_York",
                             quiet_hours="21:00-08:00")
    return build_runtime(settings, SimulatedClock(START))


@dataclass
class Snapshot:
    interviews: dict[int, Any] = field(default_factory=dict)  # number -> Interview
    steps: dict[int, dict[int, Any]] = field(default_factory=dict)  # number -> id -> row
    flow: dict[str, Any] | None = None


def snapshot(runtime: Runtime) -> Snapshot:
    person = runtime.repo.find_person(ME)
    if person is None:
        return Snapshot()
    interviews = {i.number: i for i in runtime.repo.list_interviews(person.id)}
    rows = runtime.repo.checkpoints_for_many([i.id for i in interviews.values()])
    steps = {n: {cp.id: cp for cp in rows[i.id]} for n, i in interviews.items()}
    return Snapshot(interviews, steps, runtime.repo.get_conversation(person.id))


# --- what the bot did ----------------------------------------------------------------------
def changes(before: Snapshot, after: Snapshot) -> list[dict[str, Any]]:
    """Every change to the person's data, as label-shaped facts."""
    found: list[dict[str, Any]] = []
    by_id = {i.id: n for n, i in before.interviews.items()}
    for number in after.interviews.keys() - before.interviews.keys():
        i = after.interviews[number]
        found.append({"intent": "add", "round_of": by_id.get(i.parent_id),
                      "company": i.company, "role": i.role,
                      "when": i.starts_at.astimezone(NEW_YORK),
                      "interviewers": [p.name for p in i.interviewers],
                      "promise": i.promise})
    for number in before.interviews.keys() - after.interviews.keys():
        found.append({"intent": "remove", "interview": number})
    for number in before.interviews.keys() & after.interviews.keys():
        old, new = before.interviews[number], after.interviews[number]
        if new.outcome != old.outcome:
            if new.outcome is Outcome.CANCELLED:
                found.append({"intent": "cancel", "interview": number})
            else:
                found.append({"intent": "outcome", "interview": number,
                              "outcome": OUTCOME_LABEL.get(new.outcome, str(new.outcome))})
        if new.promise != old.promise:
            found.append({"intent": "promise", "interview": number, "promise": new.promise})
        if len(new.calls) > len(old.calls) or (  # a call added, or the last one put right
                new.calls and old.calls and new.calls[-1].result != old.calls[-1].result):
            found.append({"intent": "call", "interview": number,
                          "result": new.calls[-1].result.value})
        for name in ("company", "role", "starts_at", "employer_tz"):
            if getattr(new, name) != getattr(old, name):
                found.append({"intent": "correct", "interview": number, "field": name,
                              "value": getattr(new, name)})
        if [(p.name, p.email, p.phone, p.salutation) for p in new.interviewers] != \
                [(p.name, p.email, p.phone, p.salutation) for p in old.interviewers]:
            found.append({"intent": "correct", "interview": number, "field": "interviewers",
                          "value": [p.name for p in new.interviewers],
                          "contacts": {(p.name.lower(), str(p.email).lower(), str(p.phone))
                                       for p in new.interviewers},
                          "salutations": {p.name.lower(): p.salutation
                                          for p in new.interviewers}})
        found += _step_changes(number, new, before.steps[number], after.steps[number])
    if after.flow != before.flow and before.flow is not None and after.flow is not None \
            and after.flow.get("resume") != before.flow:  # set aside, not answered
        drafts = (before.flow.get("draft") or {}, after.flow.get("draft") or {})
        if drafts[0].get("company") and drafts[1].get("company") != drafts[0].get("company") \
                and drafts[1].get("parent_id") == drafts[0].get("parent_id") \
                and after.flow.get("asking") == before.flow.get("asking"):
            # "it's Globex Logistics, not plain Globex" while its role is asked: the new
            # interview's company put right, under the number it will be added as
            found.append({"intent": "correct", "interview": max(before.steps, default=0) + 1,
                          "field": "company", "value": drafts[1].get("company")})
        else:
            found.append({"intent": "answer", "flow": after.flow})
    return found


def _step_changes(number: int, interview: Any, old: dict[int, Any], new: dict[int, Any]
                  ) -> list[dict[str, Any]]:
    names = {p.id: p.name for p in interview.interviewers}
    found = []
    for cp_id, cp in new.items():
        was = old.get(cp_id)
        if was is None:
            continue
        if cp.kind is CheckpointKind.THANK_YOU and cp.state is CheckpointState.DONE \
                and was.state is not CheckpointState.DONE:
            found.append({"intent": "sent", "interview": number,
                          "to": names.get(cp.interviewer_id)})
        if cp.snoozed and (not was.snoozed or cp.due_at != was.due_at):
            found.append({"intent": "snooze", "interview": number,
                          "until": cp.due_at.astimezone(NEW_YORK)})
    return found


def matches(expect: dict[str, Any], did: list[dict[str, Any]]) -> bool:
    """Whether what changed is what the label asked for, and nothing else. A label may
    ask for a second change with it (`also`: a call that brought a promise)."""
    second = expect.get("also")
    if second is not None:
        rest = [d for d in did if d["intent"] != second["intent"]]
        return matches(second, [d for d in did if d["intent"] == second["intent"]]) \
            and matches({k: v for k, v in expect.items() if k != "also"}, rest)
    intent = expect["intent"]
    relevant = [d for d in did if d["intent"] == intent]
    # A next round goes on to ask about itself: its question replacing the one that
    # waited is part of the outcome, not a second action; so is the round itself, added
    # when everything about it was said ("…, Wednesday 25th at 10:00 with Mr. Bob Slydell"),
    # if it is that interview's round, on the day the label gives.
    also = {"sent", "answer"} if intent == "outcome" else {"sent"}
    if intent == "outcome" and expect.get("outcome") == "next_round" and all(
            d.get("round_of") == expect.get("interview") and (
                not expect.get("next_round_when")
                or d["when"].isoformat().startswith(expect["next_round_when"]))
            for d in did if d["intent"] == "add"):
        also = also | {"add"}
    # A label holds one fact: "called initech, got raj, he said they pushed it to monday"
    # is labelled with the promise alone, its call (to the same interview) left unsaid.
    if intent in ("outcome", "promise") and all(
            d.get("interview") == expect.get("interview") for d in did if d["intent"] == "call"):
        also = also | {"call"}
    if not relevant or len({d["intent"] for d in did} - {intent} - also) > 0:
        return False
    fact = relevant[0]
    if intent == "add":
        return _same_add(expect, fact)
    if intent in ("outcome", "promise", "call", "sent", "snooze", "cancel", "remove",
                  "correct") and fact.get("interview") != expect.get("interview"):
        return False
    if intent == "outcome":
        return bool(fact["outcome"] == expect["outcome"])
    if intent == "promise":
        promise = fact["promise"]
        kind = expect["kind"]  # None: a day said after a call, whoever moves next
        return promise is not None and (kind is None or promise.kind is PROMISE_LABEL[kind]) \
            and promise.on.isoformat() == expect["on"]
    if intent == "call":
        return bool(fact["result"] == expect["result"])
    if intent == "sent":
        wanted = expect.get("to")
        sent = {d["to"] for d in relevant}
        if not wanted:
            return len(sent) >= 1
        wanted = wanted if isinstance(wanted, list) else [wanted]
        # Each name the label gives is one person the note went to, and no one else got one.
        return len(sent) == len(wanted) and all(
            any(_same_person(w, s) for s in sent) for w in wanted)
    if intent == "snooze":
        until = expect.get("until")
        return until is None or fact["until"].isoformat().startswith(until)
    if intent == "correct":
        return _same_correction(expect, relevant)
    if intent == "answer":
        return _same_answer(expect, fact)
    return True


def _same_add(expect: dict[str, Any], fact: dict[str, Any]) -> bool:
    if fact["company"].lower() != expect["company"].lower():
        return False
    if expect.get("role") and _role(fact["role"]) != _role(expect["role"]):
        return False
    when = expect.get("when")
    if when and not fact["when"].isoformat().startswith(when):
        return False
    names = {_person(n) for n in expect.get("interviewers") or []}
    if names and {_person(n) for n in fact["interviewers"]} != names:
        return False
    promise = expect.get("promise")
    if promise:
        got = fact["promise"]
        return got is not None and got.kind is PROMISE_LABEL[promise["kind"]] and \
            got.on.isoformat() == promise["on"]
    return True


def _same_correction(expect: dict[str, Any], facts: list[dict[str, Any]]) -> bool:
    field_name = {"company": "company", "role": "role", "when": "starts_at"}.get(
        expect["field"], "interviewers")
    for fact in facts:
        if fact["field"] != field_name:
            continue
        value = fact["value"]
        if field_name == "starts_at":
            return bool(value.astimezone(NEW_YORK).isoformat().startswith(expect["value"]))
        if expect["field"] in ("email", "phone"):
            # The contact must now sit with the person the label names, and nobody else.
            who = str(expect.get("who") or "").lower()
            index = 1 if expect["field"] == "email" else 2
            holders = {c[0] for c in fact["contacts"]
                       if _contact(c[index]) == _contact(str(expect["value"]))}
            return holders == {who}
        if expect["field"] == "address":
            who = str(expect.get("who") or "").lower()
            return fact["salutations"].get(who) == expect["value"]
        if expect["field"] == "remove_interviewer":
            gone = str(expect["value"] or expect.get("who") or "")  # either key names them
            return bool(gone) and gone.lower() not in {v.lower() for v in value}
        if isinstance(value, list):  # a name added: compared without its title, as in an add
            return _person(expect["value"]) in {_person(v) for v in value}
        if field_name == "role":
            return _role(str(value)) == _role(str(expect["value"]))
        return bool(str(value).lower() == str(expect["value"]).lower())
    return False


def _contact(value: str) -> str:
    """An address compared without case; a phone number by its digits ("212 555 0147" is
    212-555-0147), as it is stored as said, a US number's country code too ("+1 646 555
    0102" is 646-555-0102)."""
    digits = re.sub(r"\D", "", value)
    if value.lstrip().startswith("+1") and len(digits) == 11:
        digits = digits[1:]
    return digits if "@" not in value and len(digits) >= 7 else value.lower()


def _role(title: str) -> str:
    """A job title compared with its short forms written out, as a reader takes them: "front
    end dev" is front end developer, kept as said."""
    return " ".join(_SHORT_TITLE_WORDS.get(w, w) for w in title.lower().split())


_SHORT_TITLE_WORDS = {"dev": "developer", "mgr": "manager", "eng": "engineer", "engg": "engineer",
                      "sr": "senior", "sr.": "senior", "jr": "junior", "jr.": "junior",
                      "asst": "assistant", "coord": "coordinator", "ops": "operations"}


def _person(name: str) -> str:
    """A name compared without its titles: "Dr. Helen Park" is Helen Park, "Madam Chioma
    Eze" Chioma Eze, "Herr Dr. Klaus Becker" Klaus Becker, "Pak Budi Santoso" Budi
    Santoso, kept as said."""
    return re.sub(r"^(?:(?:dr|mr|mrs|ms|mx|prof|miss|madam|madame|mme|sir|sra|sr|engr|oga|pani|"
                  r"pan|herr|frau|cllr|councillor|pak|bapak|ibu|bu|alhaji|alhaja|hajia|chief|"
                  r"pastor|rev|reverend|doctor|mister|professor|imam|rabbi|deacon|elder|"
                  # ranks, kept as said: "Col. Harold Briggs" is Harold Briggs
                  r"col|lt|capt|maj|gen|sgt|cpl)"
                  r"\.?\s+)+", "", name.lower())


def _same_person(said: str, stored: str | None) -> bool:
    """Whether a label's name is the stored person: "Jane" names Jane Smith, as the
    person writing meant (each context has one Jane), "Dr. Helen Park" Helen Park."""
    words, known = _person(said).split(), (_person(stored) if stored else "").split()
    return bool(words) and all(w in known for w in words)


def _same_answer(expect: dict[str, Any], fact: dict[str, Any]) -> bool:
    draft = fact["flow"].get("draft") or {}
    value = expect["value"]
    if isinstance(value, list):
        # "No names" is stored as the one placeholder the notes are addressed to.
        # Names without their titles, as in an add: "Dr. Lena Ortiz" is Lena Ortiz.
        got = {_person(p["name"]) for p in draft.get("interviewers", [])} - {"the hiring team"}
        return got == {_person(v) for v in value}
    return _role(str(draft.get("role", ""))) == _role(str(value))


def judge(line: Line, did: list[dict[str, Any]], replies: list[Reply]) -> Verdict:
    shown = "\n".join(r.plain for r in replies)
    expect = line.expect
    acting = isinstance(expect, dict) and expect["intent"] in ACTING
    if not did:
        if acting:
            return Verdict(line, "asked", reply=shown)
        return Verdict(line, "correct" if _fits(expect, shown) else "asked", reply=shown)
    if acting and isinstance(expect, dict) and matches(expect, did):
        return Verdict(line, "correct", reply=shown)
    return Verdict(line, "wrong", tuple(_said(d) for d in did), shown)


def _fits(expect: str | dict[str, Any], shown: str) -> bool:
    """A reply that changed nothing, read against a label that wanted nothing changed."""
    if expect == "ask":
        return True
    assert isinstance(expect, dict)
    unknown_command = any(said in shown for said in (
        "I don't know the command", "I didn't follow that", "I'm not waiting for an answer"))
    if expect["intent"] == "show":
        return not unknown_command
    if expect["intent"] == "question":
        return not unknown_command
    return True  # "unknown": any friendly reply that changes nothing


def _said(fact: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in fact.items() if k != "flow") or fact["intent"]


def run(lines: list[Line]) -> list[Verdict]:
    """Each line's verdict, in the lines' order. Every line starts from its situation's
    database as built; a long corpus is split across one process per core (spawned, each
    with its own situations), and a short one runs here."""
    workers = min(os.cpu_count() or 1, _MOST_WORKERS)
    if workers < 2 or len(lines) < _WORTH_SPLITTING:
        return _run_here(lines)
    chunks = [lines[i::workers] for i in range(workers)]  # every part spread over all
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        done = {v.line.id: v for verdicts in pool.map(_run_here, chunks) for v in verdicts}
    return [done[line.id] for line in lines]


#: Processes for a long corpus, and the length from which they pay for their start.
_MOST_WORKERS = 4
_WORTH_SPLITTING = 400


def _run_here(lines: list[Line]) -> list[Verdict]:
    verdicts = []
    with situations() as files, tempfile.TemporaryDirectory() as folder, \
            _Worlds(files, Path(folder)) as worlds:
        for line in lines:
            runtime = worlds.fresh(line.context)
            before = snapshot(runtime)
            replies = _say(runtime, line.text)
            verdicts.append(judge(line, changes(before, snapshot(runtime)), replies))
    return verdicts


class _Worlds:
    """One runtime per situation, its database put back as the situation left it before
    each line (SQLite's online backup, page by page, through the runtime's own pool): a
    line sees what a fresh copy would hold, and the engine, its compiled statements and
    its migrated schema are made once, not once a line (the 9,209 lines of the
    twenty-third session, two processes: 145 -> 44 s)."""

    def __init__(self, files: dict[str, Path], folder: Path) -> None:
        self._files, self._folder = files, folder
        self._open: dict[str, tuple[Runtime, sqlite3.Connection]] = {}

    def __enter__(self) -> _Worlds:
        return self

    def __exit__(self, *exc: object) -> None:
        for runtime, pristine in self._open.values():
            runtime.stop()
            pristine.close()

    def fresh(self, context: str) -> Runtime:
        if context not in self._open:
            path = self._folder / f"{context}.db"
            shutil.copyfile(self._files[context], path)
            self._open[context] = (_runtime(path), sqlite3.connect(self._files[context]))
            return self._open[context][0]
        runtime, pristine = self._open[context]
        with runtime.repo.engine.connect() as connection:
            target = connection.connection.driver_connection
            assert isinstance(target, sqlite3.Connection)
            pristine.backup(target)
        return runtime


# --- the report ---------------------------------------------------------------------------
def table(verdicts: list[Verdict]) -> str:
    rows = ["| part | category | lines | acted correctly | asked | acted wrongly |",
            "|---|---|---|---|---|---|"]
    for part in PARTS:
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for v in verdicts:
            if v.line.part == part:
                counts[v.line.category][v.result] += 1
        total: Counter[str] = Counter()
        for category in sorted(counts):
            c = counts[category]
            total.update(c)
            rows.append(f"| {part} | {category} | {sum(c.values())} | {c['correct']} | "
                        f"{c['asked']} | {c['wrong']} |")
        rows.append(f"| **{part}** | **all** | **{sum(total.values())}** | "
                    f"**{total['correct']}** | **{total['asked']}** | **{total['wrong']}** |")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    verdicts = run([line for part in PARTS for line in load(part)])
    print(table(verdicts))
    wrong = [v for v in verdicts if v.result == "wrong"]
    # Ids only unless asked: a held-out part's lines must not be read by whoever tunes
    # the parser, and this command is also how the table above is rewritten.
    print("acted wrongly on:", " ".join(v.line.id for v in wrong) or "none")
    if "--show" in argv:
        for v in wrong:
            print(f"WRONG {v.line.id} [{v.line.context}] {v.line.text!r} -> {'; '.join(v.did)}")
    if "--write" in argv:
        _write_report(verdicts)
    return 0


def _write_report(verdicts: list[Verdict]) -> None:
    doc = Path(__file__).resolve().parents[3] / "docs" / "UNDERSTANDING.md"
    text = doc.read_text(encoding="utf-8")
    begin, end = "<!-- table -->", "<!-- /table -->"
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    doc.write_text(f"{head}{begin}\n{table(verdicts)}\n{end}{tail}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
