"""Evaluation harness: retrieval and answer quality, configurations side by side.

Run `python -m eval run --questions FILE`; see eval/README.md.
"""

from eval.answers import AnswerScores, AskClient, score_answers
from eval.matching import normalise, supported_quotes, supports
from eval.metrics import ConfigScores, QuestionResult, score_config
from eval.questions import Evidence, Question, load_questions
from eval.runner import EvalReport, run_config, run_eval
from eval.searchers import ArchiveSearcher, RetrievedPassage, Searcher

__all__ = [
    "AnswerScores",
    "AskClient",
    "ConfigScores",
    "ArchiveSearcher",
    "EvalReport",
    "Evidence",
    "Question",
    "QuestionResult",
    "RetrievedPassage",
    "Searcher",
    "load_questions",
    "normalise",
    "run_config",
    "run_eval",
    "score_answers",
    "score_config",
    "supported_quotes",
    "supports",
]
