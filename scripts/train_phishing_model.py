"""Train the phishing text model on ``shared/data/phishing/train/`` and export its JSON artefact.

Run: ``.venv/bin/python scripts/train_phishing_model.py [--data ../shared/data/phishing]``
(needs scikit-learn, from the ``[dev]`` extra: ``make install``). Deterministic: same data,
same artefact.

Only ``train/`` is read — never ``eval/`` — and the ``dev`` halves of the English sets written
for the tests (``tests/data/phishing_en_*.jsonl``, see ``--own``): ``train/`` holds SMS from
2011–2022 only, and with it alone the model ranked modern English smishing at ROC AUC 0.65 and
e-mail no better than chance. The ``holdout`` halves and the French set are never read, so
they still measure the model. An e-mail is fed as the analyzer feeds it
(:func:`leaktrace.phishing.analyze.model_window`: subject and opening, folded).

The three training files overlap (4,098 Mendeley ham
rows are UCI rows; the multilingual file is UCI translated), so rows are deduplicated on their
normalized English text, and that text is the *group* used by cross-validation: a message and
its translation or duplicate always fall in the same fold.

The exported artefact holds, for each of the ``--max-features`` terms, its IDF and its
logistic-regression coefficient; :class:`leaktrace.phishing.model.TextModel` evaluates it in
pure Python. The script checks that both give the same probabilities before writing.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from leaktrace.phishing.analyze import model_window
from leaktrace.phishing.message import parse_message
from leaktrace.phishing.model import ARTEFACT, FORMAT, TextModel, features

DEFAULT_OWN = Path(__file__).resolve().parents[1] / "tests" / "data"
OWN_SETS = ("phishing_en_sms", "phishing_en_email_phish", "phishing_en_email_legit")
DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "phishing"
OUT = Path(__file__).resolve().parents[1] / "src" / "leaktrace" / "phishing" / ARTEFACT
C = 4.0
MAX_FEATURES = 12000


@dataclass(frozen=True, slots=True)
class Row:
    text: str
    label: int  # 1 = spam or smishing
    group: str  # normalized English text: duplicates and translations share it
    source: str


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def load_train(data: Path) -> list[Row]:
    """UCI + Mendeley (English) + UCI translated to French, deduplicated."""
    train = data / "train"
    rows: list[Row] = []
    with (train / "UCI_SMSSpamCollection").open(encoding="utf-8", errors="replace") as f:
        for record in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(record) >= 2:
                rows.append(Row(record[1], int(record[0] == "spam"), _key(record[1]), "uci"))
    with (train / "Mendeley_Dataset_5971.csv").open(encoding="latin-1") as f:
        for item in csv.DictReader(f):
            text = item["TEXT"].strip()
            rows.append(Row(text, int(item["LABEL"].lower() != "ham"), _key(text), "mendeley"))
    with (train / "data-en-hi-de-fr.csv").open(encoding="utf-8", errors="replace") as f:
        for item in csv.DictReader(f):
            if item.get("text_fr"):
                label = int(item["labels"] == "spam")
                rows.append(Row(item["text_fr"], label, _key(item["text"]), "uci-fr"))
    seen: set[tuple[str, str]] = set()
    unique: list[Row] = []
    for row in rows:
        marker = (_key(row.text), "fr" if row.source == "uci-fr" else "en")
        if marker not in seen and row.text.strip():
            seen.add(marker)
            unique.append(row)
    return unique


def load_own(own: Path) -> list[Row]:
    """The ``dev`` halves of the English test sets, each text as the model will read it."""
    rows: list[Row] = []
    for name in OWN_SETS:
        for line in (own / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            item = json.loads(line) if line.strip() else None
            if item is None or item["split"] != "dev":
                continue
            text = item["text"]
            if item["channel"] == "email":
                text = model_window(parse_message(text, "email"))
            rows.append(Row(text, int(item["label"] == "phishing"), _key(text), f"own-{name}"))
    return rows


def pipeline(max_features: int = MAX_FEATURES, c: float = C) -> Pipeline:
    """The model: TF-IDF over :func:`features`, then a class-balanced logistic regression."""
    return Pipeline(
        [
            (
                "tfidf",
                TfidfVectorizer(
                    analyzer=features,
                    sublinear_tf=True,
                    min_df=2,
                    max_features=max_features,
                    dtype=np.float64,
                ),
            ),
            ("lr", LogisticRegression(C=c, class_weight="balanced", max_iter=2000)),
        ]
    )


def export(fitted: Pipeline, rows: int) -> TextModel:
    """The fitted pipeline as the pure-Python model (5 significant digits)."""
    tfidf: TfidfVectorizer = fitted.named_steps["tfidf"]
    lr: LogisticRegression = fitted.named_steps["lr"]
    coefs = lr.coef_[0]
    terms = {
        term: (float(f"{tfidf.idf_[i]:.5g}"), float(f"{coefs[i]:.5g}"))
        for term, i in tfidf.vocabulary_.items()
    }
    meta = {
        "trained_on": "shared/data/phishing/train (UCI, Mendeley, UCI-FR)"
        " + dev halves of tests/data/phishing_en_*.jsonl",
        "rows": rows,
        "C": C,
        "max_features": len(terms),
    }
    return TextModel(terms, float(f"{lr.intercept_[0]:.6g}"), meta)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--own", type=Path, default=DEFAULT_OWN, help="Where the test sets are.")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = load_train(args.data) + load_own(args.own)
    fitted = pipeline().fit([r.text for r in rows], [r.label for r in rows])
    model = export(fitted, len(rows))
    # The pure-Python evaluation must agree with scikit-learn's.
    sample = [r.text for r in rows[:: max(1, len(rows) // 300)]]
    expected = fitted.predict_proba(sample)[:, 1]
    worst = max(abs(model.probability(t) - p) for t, p in zip(sample, expected, strict=True))
    assert worst < 1e-3, f"exported model disagrees with scikit-learn by {worst}"
    document = model.to_dict()
    args.out.write_text(
        json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    spam = sum(r.label for r in rows)
    print(
        f"{len(rows)} rows ({spam} spam/smishing), {len(model.terms)} terms, "
        f"max |Δp| {worst:.1e} → {args.out} ({args.out.stat().st_size / 1024:.0f} KiB), "
        f"format {FORMAT}"
    )


if __name__ == "__main__":
    main()
