"""Fixtures of the process pages: a whole map built in code beside the demo content."""

import pytest

from tests.processes.builders import process_map


@pytest.fixture
def process_map_built(db):
    """The map with four processes, requirements, tools, a catalogue and a toolbox."""
    return process_map()


@pytest.fixture
def process_overview(process_map_built):
    return process_map_built.overview


@pytest.fixture
def process_page_full(process_map_built):
    """The process with a block of every kind ("Raumbuchung", platform chosen, pilot planned)."""
    return process_map_built.processes["prozesse-test-raumbuchung"]


@pytest.fixture
def process_page_tie(process_map_built):
    """The process in use whose tool decision is a tie ("Interne Kommunikation")."""
    return process_map_built.processes["prozesse-test-interne-kommunikation"]
