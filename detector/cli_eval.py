"""The commands ``detector corrupt`` and ``detector evaluate`` (registered on
the main typer app by importing this module from :mod:`detector.cli`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from detector.cli import _split, app
from detector.errors import DetectorError


def resolve_kinds(requested: Optional[tuple[str, ...]], material) -> list[str]:
    """Kind names from names, categories or 'all'. Without a request: every kind
    whose material was given. A requested kind without its material is an error."""
    from detector.damage import KINDS

    if not requested:
        return [k for k, v in KINDS.items() if v.needs is None or getattr(material, v.needs)]
    chosen: list[str] = []
    for item in requested:
        if item == "all":
            names = list(KINDS)
        elif item in KINDS:
            names = [item]
        else:
            names = [k for k, v in KINDS.items() if v.category == item]
            if not names:
                raise DetectorError(f"unknown kind {item!r} (see 'detector corrupt --list-kinds')")
        chosen += [n for n in names if n not in chosen]
    hint = {"words": "--foreign", "sentences": "--foreign", "donors": "--donors", "boilerplate": "--boilerplate"}
    for name in chosen:
        needs = KINDS[name].needs
        if needs and not getattr(material, needs):
            raise DetectorError(f"kind {name!r} needs {hint[needs]} (no usable {needs} were given)")
    return chosen


def _list_kinds(value: bool) -> None:
    if value:
        from detector.damage import KINDS

        for name, kind in KINDS.items():
            typer.echo(f"{name:24} {kind.category:15} {kind.description}")
        raise typer.Exit()


@app.command()
def corrupt(
    inputs: List[Path] = typer.Argument(..., help="Clean text files (one record each) or .jsonl files (one record a line).", show_default=False),
    kinds: Optional[List[str]] = typer.Option(None, "--kinds", help="Kinds of damage: names, categories or all (comma-separated).", show_default="every kind whose material is given"),
    rate: float = typer.Option(1.0, "--rate", min=0, help="Damage events per 1,000 characters (at least one per record when above 0)."),
    seed: int = typer.Option(0, "--seed", help="Random seed: the same seed gives the same output."),
    output: Path = typer.Option(Path("-"), "--output", "-o", help="Output JSONL file ('-': standard output)."),
    text_field: str = typer.Option("text", "--text-field", help="The text field of JSONL input records."),
    foreign: Optional[Path] = typer.Option(None, "--foreign", help="Folder of foreign text: {sentences,word-pairs,single-words}/LANG.txt, or LANG.txt files of sentences."),
    donors: Optional[Path] = typer.Option(None, "--donors", help="Text file of donor sentences (one a line) for injected sentences."),
    boilerplate: Optional[Path] = typer.Option(None, "--boilerplate", help="Text file of boilerplate lines.", show_default="a built-in list"),
    list_kinds: bool = typer.Option(False, "--list-kinds", callback=_list_kinds, is_eager=True, help="List the kinds of damage and exit."),
) -> None:
    """Damage clean text and write JSONL records labelling every piece of damage."""
    from detector.corrupt import corrupt_records, load_material, read_inputs

    material = load_material(foreign, donors, boilerplate)
    chosen = resolve_kinds(_split(kinds), material)
    records = corrupt_records(read_inputs(inputs, text_field), chosen, rate, seed, material)
    out = sys.stdout if str(output) == "-" else None
    try:
        fh = out or output.open("w", encoding="utf-8")
    except OSError as exc:
        raise DetectorError(f"{output}: cannot write: {exc.strerror or exc}") from None
    total = undamaged = 0
    try:
        for record in records:
            total += 1
            undamaged += not any(span[3] in chosen for span in record["spans"])
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if out is None:
            fh.close()
    if rate > 0 and undamaged:
        sys.stderr.write(f"detector: warning: {undamaged} of {total} records got no damage "
                         "(the chosen kinds found no place in them)\n")


@app.command()
def evaluate(
    gold: List[Path] = typer.Argument(..., help="Gold JSONL files (as written by 'detector corrupt').", show_default=False),
    output_format: str = typer.Option("text", "--format", help="text or json."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Rules to run (as for 'check')."),
    extend_select: Optional[List[str]] = typer.Option(None, "--extend-select", help="Rules to run in addition."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Rules to skip."),
    language: Optional[str] = typer.Option(None, "--language", help="The expected main language; default: detected per record."),
    config: Optional[Path] = typer.Option(None, "--config", help="Use this detector.toml or pyproject.toml."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Write every missed span and false finding to this JSONL file."),
    output_file: Optional[Path] = typer.Option(None, "--output-file", "-o", help="Write the report to this file."),
) -> None:
    """Run the detector on labelled records; report precision, recall and F1."""
    from detector.evaluate import evaluate as run_evaluation, load_gold, render
    from detector.run import CheckOptions, _base_settings

    if output_format not in ("text", "json"):
        raise DetectorError(f"unknown format {output_format!r} for 'evaluate' (text or json)")
    options = CheckOptions(paths=[], select=_split(select), extend_select=_split(extend_select),
                           ignore=_split(ignore), language=language, config=config)
    settings = _base_settings(options, Path.cwd())
    records = load_gold(gold)
    report, found_errors = run_evaluation(records, settings, jobs)
    if errors is not None:
        with errors.open("w", encoding="utf-8") as fh:
            for item in found_errors:
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    text = render(report, output_format)
    if output_file is not None:
        output_file.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
