"""The governance commands (issue 12): ``mqp reviews``, ``mqp training``, ``mqp documents``, ``mqp followups``
and ``mqp minutes circulate`` (registered under ``minutes`` by ``cli/minutes.py``)."""

from __future__ import annotations


def add_parsers(commands, new_parser) -> None:
    from mqp_desktop.cli.governance import documents, followups, reviews, training

    reviews.add_parsers(commands, new_parser)
    training.add_parsers(commands, new_parser)
    documents.add_parsers(commands, new_parser)
    followups.add_parsers(commands, new_parser)
