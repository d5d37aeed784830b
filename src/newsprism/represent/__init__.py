"""The represent stage: articles become comparable features."""

from .base import ArticleFeatures, Featurizer
from .lexical import (
    LEXICAL_V1,
    LEXICAL_V2,
    LEXICAL_V3,
    LEXICAL_V4,
    LEXICAL_V5,
    LEXICAL_V6,
    LEXICAL_V7,
    LEXICAL_V8,
    LexicalFeaturizer,
)

__all__ = [
    "LEXICAL_V1",
    "LEXICAL_V2",
    "LEXICAL_V3",
    "LEXICAL_V4",
    "LEXICAL_V5",
    "LEXICAL_V6",
    "LEXICAL_V7",
    "LEXICAL_V8",
    "ArticleFeatures",
    "Featurizer",
    "LexicalFeaturizer",
]
