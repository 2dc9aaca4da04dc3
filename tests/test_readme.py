"""The README's quick start is what CI runs."""

from conftest import ROOT


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    return [line for line in block.strip().splitlines() if line.strip()]


def test_quick_start_has_exactly_two_commands():
    commands = quick_start_commands()
    assert len(commands) == 2
    assert "detector check fixtures/seeds" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_quick_start_command_two_verbatim():
    ci = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    assert quick_start_commands()[1] in ci
