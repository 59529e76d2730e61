"""Backends: the declared protocol and its defaults, the registry, and backends that lie."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import pytest

import claimkit
from claimkit.errors import ConfigError
from claimkit.extract import (
    Backend,
    BackendOptions,
    BackendResult,
    Draft,
    Extractor,
    FunctionBackend,
    backend_names,
    create_backend,
    register_backend,
)
from claimkit.extract.base import as_backend
from claimkit.extract.registry import _REGISTRY
from claimkit.schemas import Actor, Document, DocumentClaims, Pledge, Span

TEXT = "Canada will send troops. France refused to join."
DOC = Document(id="lie", text=TEXT, language="en")


def _lying_span() -> Span:
    # the slice 0:6 says "Canada"; the backend claims it says "France"
    return Span(start=0, end=6, text="France")


def _only(result: claimkit.ExtractionResult) -> DocumentClaims:
    (record,) = result.records
    assert isinstance(record, DocumentClaims), record
    return record


def _assert_every_span_is_its_slice(record: DocumentClaims) -> None:
    for claim in record.claims:
        for span in claim.evidence:
            assert record.document.text[span.start : span.end] == span.text


def test_a_lying_draft_span_is_regrounded_to_where_its_text_really_is() -> None:
    backend = FunctionBackend(lambda d: [Draft(type="refusal", spans=(_lying_span(),))])
    record = _only(claimkit.extract([DOC], backend=backend, normalize=False))
    (claim,) = record.claims
    assert [(s.start, s.text) for s in claim.evidence] == [(TEXT.index("France"), "France")]
    _assert_every_span_is_its_slice(record)


def test_ready_claims_are_verified_like_drafts_sync_and_async() -> None:
    lie = Pledge(doc_id="lie", actor=[Actor(text="Canada")], evidence=[_lying_span()])
    nowhere = Pledge(doc_id="lie", evidence=[Span(start=7, end=12, text="Italy")])

    class Liar(Backend):
        name = "liar"

        def extract(self, document: Document) -> BackendResult:
            return BackendResult(drafts=[], claims=[lie, nowhere])

    for result in (
        claimkit.extract([DOC], backend=Liar(), normalize=False),
        asyncio.run(claimkit.aextract([DOC], backend=Liar(), normalize=False)),
    ):
        record = _only(result)
        _assert_every_span_is_its_slice(record)
        by_text = {c.ungrounded[0] if c.ungrounded else c.evidence[0].text: c for c in record.claims}
        assert by_text["France"].evidence[0].start == TEXT.index("France")
        # a span whose text is nowhere in the document becomes an ungrounded quote
        assert by_text["Italy"].evidence == [] and by_text["Italy"].ungrounded == ["Italy"]
        assert by_text["France"].id != lie.id  # the id follows the verified spans


def test_protocol_defaults_for_a_backend_that_only_writes_extract() -> None:
    class Minimal(Backend):
        name = "minimal"

        def extract(self, document: Document) -> Sequence[Draft]:
            return [Draft(type="pledge", quotes=("will send troops",))]

    backend = Minimal()
    assert backend.describe() == "minimal"
    assert backend.estimate_cost(DOC) == 0.0
    assert backend.secrets() == () and backend.concurrent is False
    assert isinstance(asyncio.run(backend.aextract(DOC)), list)
    asyncio.run(backend.aclose())
    assert isinstance(Minimal.from_options(BackendOptions()), Minimal)


def test_duck_typed_backends_are_adapted_and_other_objects_refused() -> None:
    class Duck:
        name = "duck"

        def extract(self, document: Document) -> list[Draft]:
            return [Draft(type="pledge", quotes=("will send troops",))]

    adapted = as_backend(Duck())
    assert isinstance(adapted, Backend) and adapted.name == "duck"
    record = _only(claimkit.extract([DOC], backend=Duck(), normalize=False))  # type: ignore[arg-type]
    assert record.backend == "duck" and record.claims[0].evidence[0].text == "will send troops"
    with pytest.raises(ConfigError, match="not a backend"):
        as_backend(object())


class Echo(Backend):
    """A registered backend: one pledge per document, on its first sentence."""

    name = "echo"

    def __init__(self, types: tuple[str, ...] | None = None) -> None:
        self.types = types

    @classmethod
    def from_options(cls, options: BackendOptions) -> Echo:
        return cls(types=options.types)

    def extract(self, document: Document) -> list[Draft]:
        first = document.text.split(".")[0]
        return [Draft(type="pledge", quotes=(first,)), Draft(type="refusal", quotes=(first,))]


@pytest.fixture()
def echo_registered() -> object:
    register_backend("echo", Echo)
    yield
    _REGISTRY.pop("echo", None)


@pytest.mark.usefixtures("echo_registered")
def test_registered_backends_are_built_by_name_with_the_options() -> None:
    assert "echo" in backend_names()
    backend = create_backend("echo", BackendOptions(types=("pledge",)))
    assert isinstance(backend, Echo) and backend.types == ("pledge",)
    record = _only(claimkit.extract([DOC], backend="echo", types=["pledge"], normalize=False))
    assert [c.type for c in record.claims] == ["pledge"]  # --types filters any backend
    with pytest.raises(ConfigError, match="already taken"):
        register_backend("echo", FunctionBackend)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="not a subclass of Backend"):
        register_backend("other", object)  # type: ignore[arg-type]


def test_extractor_refuses_an_unknown_backend_name() -> None:
    with pytest.raises(ConfigError, match="unknown backend 'nope'"):
        Extractor("nope")


def test_an_installed_entry_point_backend_is_found(tmp_path: Path) -> None:
    """A distribution's claimkit.backends entry point (a dist-info on sys.path, as pip leaves it)."""
    (tmp_path / "echo_backend.py").write_text(textwrap.dedent("""
        from claimkit.extract import Backend, Draft

        class EchoBackend(Backend):
            name = "echo-ep"

            def extract(self, document):
                return [Draft(type="pledge", quotes=(document.text.split(".")[0],))]
    """), encoding="utf-8")
    info = tmp_path / "echo_backend-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: echo-backend\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[claimkit.backends]\necho-ep = echo_backend:EchoBackend\n")
    script = (
        "import claimkit\n"
        "from claimkit.extract import backend_names\n"
        "assert 'echo-ep' in backend_names(), backend_names()\n"
        "r = claimkit.extract(['Canada will send troops. More.'], backend='echo-ep')\n"
        "print(r.claims[0].type, r.documents[0].backend)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["pledge", "echo-ep"]


# ------------------------------------------------------------------ the rules backend's version


def test_the_rules_backend_declares_the_version_its_records_carry() -> None:
    """Before: the rules backend declared no ``version`` (its records said ``rules-1`` whatever
    claimkit release or cue data made them), so ``--resume`` and the claim store compared rules
    output by the backend's name alone. Now it declares one, made of claimkit's release and a
    digest of its data, and its records carry it."""
    import importlib.metadata

    from claimkit.extract.rules import RulesBackend
    from claimkit.extract.runner import RunSettings

    backend = RulesBackend()
    assert backend.version.startswith(f"rules-1-{importlib.metadata.version('claimkit')}-")
    extractor = Extractor(backend)
    record = extractor.extract_document(Document(id="p", text="Norway pledged 90 million euros "
                                                "to the fund on Monday.", language="en"))
    assert record.claims and record.version == backend.version
    assert RunSettings.of(extractor) == RunSettings("rules", None, backend.version)


def test_the_rules_version_changes_with_the_data_its_output_depends_on(tmp_path: Path) -> None:
    """Two backends of the same data share a version (made once: a resumed run of the same
    settings is never refused); cue data, the types asked for, merging, and the gazetteer
    or place tables each change it, as they can change what the backend writes."""
    from claimkit.extract.rules import RulesBackend
    from claimkit.normalize import Gazetteer, Places

    same = RulesBackend().version
    assert RulesBackend().version == same
    gazetteer = tmp_path / "gazetteer.json"
    gazetteer.write_text('{"entries": [{"name": "Harbour Workers Union", "kind": "group", '
                         '"aliases": ["HWU"]}]}', encoding="utf-8")
    places = tmp_path / "places.json"
    places.write_text('{"places": {"Tromsø": ["Tromso"]}}', encoding="utf-8")
    others = [
        RulesBackend(cues={"languages": {"en": {"pledge": ["earmark*"]}}}).version,
        RulesBackend(types="pledge").version,
        RulesBackend(merge=False).version,
        RulesBackend(gazetteer=Gazetteer.load(gazetteer)).version,
        RulesBackend(places=Places.load(places)).version,
    ]
    assert len({same, *others}) == 6, others
    # what changes no output changes no version: the order the types are asked in
    assert RulesBackend(types="pledge,refusal").version == RulesBackend(types=["refusal", "pledge"]).version
    assert all(v.startswith("rules-1-") for v in others)
    text = "Norway earmarked 90 million euros for the fund."
    extended = RulesBackend(cues={"languages": {"en": {"pledge": ["earmark*"]}}})
    record = Extractor(extended).extract_document(Document(id="e", text=text, language="en"))
    assert [c.type for c in record.claims] == ["pledge"] and record.version == others[0]
