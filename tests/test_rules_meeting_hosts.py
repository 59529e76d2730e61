"""Who a meeting is named by when its hosts or chairs are named in a later mention of it
(support.py ``_fill_from``): the guidelines name a meeting by its hosts or chairs when the
article names them, else by its participants. A headline or lead that names the meeting by
its subject or its participants ("Sudan aid conference", "Siria, la conferenza dei
donatori") takes the hosts a restatement names ("hosted by Britain and the African
Union", "ospitata dall'Unione europea"), unless the restatement gives another day.

Every sentence is written for these tests (none comes from an article or a gold file);
each positive case failed before the mechanism, the guards are what it must not do.
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actor_names, of_type

#: (language, the hosts or chairs, text): a headline naming the meeting, then its hosts
_HOSTED = [
    ("en", ["United Kingdom", "African Union"],
     "Sudan aid conference raises $2 billion\n\nLondon, June 2, 2025 -\n\nThe conference on Sudan, hosted by "
     "Britain and the African Union, opened in London on Monday with delegates from 40 countries."),
    ("it", ["European Union"],
     "Siria, la conferenza dei donatori raccoglie 5 miliardi\n\nBRUXELLES, 2 giugno 2025 -\n\nLa conferenza per "
     "la Siria, ospitata oggi a Bruxelles dall'Unione europea, ha raccolto 5 miliardi di euro."),
]


@pytest.mark.parametrize(("lang", "hosts", "text"), _HOSTED, ids=[f"{c[0]}-{i}" for i, c in enumerate(_HOSTED)])
def test_a_meeting_is_named_by_the_hosts_a_restatement_names(
        backend: RulesBackend, lang: str, hosts: list[str], text: str) -> None:
    found = of_type(backend, text, lang, "meeting")
    assert len(found) == 1, text
    assert sorted(actor_names(found[0])) == sorted(hosts)


def test_hosts_named_first_stay(backend: RulesBackend) -> None:
    # the first mention names its host; a later one naming another chair does not replace it
    text = ("Nairobi, June 2, 2025 -\n\nThe summit, hosted by Kenya, opened in Nairobi on Monday. "
            "The summit was also co-chaired by Ethiopia.")
    found = of_type(backend, text, "en", "meeting")
    assert found
    assert actor_names(found[0])[0] == "Kenya"
