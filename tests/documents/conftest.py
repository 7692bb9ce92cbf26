from __future__ import annotations

import pytest

from documents.fonts import FontSet
from documents.maker import PaperMaker
from documents.verification import VerificationKey

KEY = VerificationKey("hall-key-1", b"test-secret-for-papers-0123456789")


@pytest.fixture(scope="session")
def fonts() -> FontSet:
    return FontSet()


@pytest.fixture(scope="session")
def maker(fonts: FontSet) -> PaperMaker:
    return PaperMaker(fonts=fonts, key=KEY)
