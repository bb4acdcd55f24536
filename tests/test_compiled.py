"""Large patterns compiled once and kept in the user's cache (`transcripts/compiled.py`)."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from transcripts import compiled
from transcripts.readers.text import shapes

pytestmark = pytest.mark.skipif(compiled._sre is None, reason="patterns are compiled as usual")

PATTERN = r"(?P<name>[A-Z][a-z]+)(?:[ ](?P<surname>[A-Z][a-z]+))?:[ ]+(?P<rest>.*)"
LINES = ["Ana Berg: hello", "Ben: hi there", "no label here", "ANA: caps", "Zoë: ünïcode"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(compiled.CACHE_VARIABLE, str(tmp_path))
    return tmp_path


def _same(kept: re.Pattern[str], fresh: re.Pattern[str]) -> None:
    assert kept.pattern == fresh.pattern
    assert kept.flags == fresh.flags
    assert kept.groups == fresh.groups
    assert kept.groupindex == fresh.groupindex
    for line in LINES:
        found, expected = kept.match(line), fresh.match(line)
        assert (found and found.groupdict()) == (expected and expected.groupdict())


def test_kept_pattern_matches_as_re_compile_does_first_and_second_time(cache: Path) -> None:
    first = compiled.compile_kept(PATTERN, re.VERBOSE, "example")
    assert len(list(cache.iterdir())) == 1
    second = compiled.compile_kept(PATTERN, re.VERBOSE, "example")
    fresh = re.compile(PATTERN, re.VERBOSE)
    _same(first, fresh)
    _same(second, fresh)


def test_second_start_reads_the_kept_program_without_compiling(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled.compile_kept(PATTERN, 0, "example")

    def not_again(pattern: str, flags: int) -> compiled.Program:
        raise AssertionError("compiled again")

    monkeypatch.setattr(compiled, "_program", not_again)
    _same(compiled.compile_kept(PATTERN, 0, "example"), re.compile(PATTERN))


def test_another_pattern_under_the_same_name_is_compiled_not_taken_from_the_cache(
    cache: Path,
) -> None:
    compiled.compile_kept(PATTERN, 0, "example")
    other = r"(?P<word>\d+)"
    kept = compiled.compile_kept(other, 0, "example")
    _same(kept, re.compile(other))
    assert kept.match("42") is not None and kept.match("Ana: hi") is None


def test_two_versions_of_a_pattern_each_keep_their_own_program(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = r"(?P<word>\d+)"
    compiled.compile_kept(PATTERN, 0, "example")
    compiled.compile_kept(other, 0, "example")  # another installed version's
    assert len(list(cache.iterdir())) == 2

    def not_again(pattern: str, flags: int) -> compiled.Program:
        raise AssertionError("compiled again")

    monkeypatch.setattr(compiled, "_program", not_again)
    _same(compiled.compile_kept(PATTERN, 0, "example"), re.compile(PATTERN))
    assert compiled.compile_kept(other, 0, "example").match("42") is not None


def test_other_flags_are_another_program(cache: Path) -> None:
    compiled.compile_kept("ana", 0, "example")
    kept = compiled.compile_kept("ana", re.IGNORECASE, "example")
    assert kept.match("ANA") is not None


@pytest.mark.parametrize("damage", [b"", b"not marshal at all", b"\xe9\x00\x00"])
def test_a_damaged_cache_file_is_compiled_again_and_replaced(cache: Path, damage: bytes) -> None:
    compiled.compile_kept(PATTERN, 0, "example")
    (path,) = cache.iterdir()
    path.write_bytes(damage)
    _same(compiled.compile_kept(PATTERN, 0, "example"), re.compile(PATTERN))
    assert path.read_bytes() != damage


def test_a_program_the_engine_refuses_falls_back_to_compiling(cache: Path) -> None:
    compiled.compile_kept(PATTERN, 0, "example")
    (path,) = cache.iterdir()
    key = compiled._key(PATTERN, 0)
    path.write_bytes(marshal.dumps((key, 32, [999999, 1, 2], 0, {}, ())))
    _same(compiled.compile_kept(PATTERN, 0, "example"), re.compile(PATTERN))


def test_an_empty_cache_variable_keeps_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(compiled.CACHE_VARIABLE, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    _same(compiled.compile_kept(PATTERN, 0, "example"), re.compile(PATTERN))
    assert compiled.kept_path("example") is None
    assert list(tmp_path.iterdir()) == []


def test_the_default_folder_is_the_users_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(compiled.CACHE_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    assert compiled.cache_folder() == str(tmp_path / "transcripts")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_cache_folder_is_left_alone(tmp_path: Path, cache: Path) -> None:
    cache.chmod(0o500)
    try:
        _same(compiled.compile_kept(PATTERN, 0, "example"), re.compile(PATTERN))
        assert list(cache.iterdir()) == []
    finally:
        cache.chmod(0o700)


def test_a_cache_path_that_is_a_file_is_left_alone_and_nothing_stray_remains(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("mine")
    monkeypatch.setenv(compiled.CACHE_VARIABLE, str(blocker / "cache"))
    _same(compiled.compile_kept(PATTERN, 0, "example"), re.compile(PATTERN))
    assert blocker.read_text() == "mine"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["blocker"]


def test_label_grammar_is_the_same_in_every_run() -> None:
    """The grammar's alternations come from sets of words; their order must not follow the
    hash seed, or what a label matches (and the kept program) would change from run to run."""
    script = (
        "import hashlib; from transcripts.readers.text import shapes; "
        "print(hashlib.sha256(shapes.grammar(shapes._ASCII_CLASSES).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed, compiled.CACHE_VARIABLE: ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1


def test_the_kept_label_grammar_reads_labels_as_a_fresh_compile_does(cache: Path) -> None:
    source = shapes.grammar(shapes._ASCII_CLASSES)
    compiled.compile_kept(source, re.VERBOSE, "label-grammar")
    kept = compiled.compile_kept(source, re.VERBOSE, "label-grammar")
    fresh = re.compile(source, re.VERBOSE)
    samples = Path(__file__).parent.parent / "samples"
    lines = [line for path in samples.glob("*.txt") for line in path.read_text().splitlines()]
    assert len(lines) > 50
    for line in lines:
        found, expected = kept.match(line), fresh.match(line)
        assert (found and found.groupdict()) == (expected and expected.groupdict()), line


# The patterns modules compile at import, kept together in one file (`kept`, `kept_regex`).


@pytest.fixture
def bundle(cache: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Callable[[], None]]]:
    """A cache folder of its own and a fresh read of the kept patterns; what would be
    written at exit is collected to be called by the test instead."""
    at_exit: list[Callable[[], None]] = []
    monkeypatch.setattr(compiled.atexit, "register", at_exit.append)
    compiled._bundle.cache_clear()
    yield at_exit
    compiled._bundle.cache_clear()


def _next_start(at_exit: list[Callable[[], None]]) -> None:
    """What ends a process and starts the next: the new patterns are written and read."""
    for store in at_exit:
        store()
    at_exit.clear()
    compiled._bundle.cache_clear()


def test_a_kept_pattern_is_written_at_exit_and_read_without_compiling_next_time(
    bundle: list[Callable[[], None]], cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _same(compiled.kept(PATTERN, re.VERBOSE), re.compile(PATTERN, re.VERBOSE))
    _same(compiled.kept(PATTERN), re.compile(PATTERN))
    assert len(bundle) == 1 and list(cache.iterdir()) == []
    _next_start(bundle)
    assert len(list(cache.iterdir())) == 1

    def not_again(pattern: str, flags: int) -> compiled.Program:
        raise AssertionError("compiled again")

    monkeypatch.setattr(compiled, "_program", not_again)
    _same(compiled.kept(PATTERN, re.VERBOSE), re.compile(PATTERN, re.VERBOSE))
    _same(compiled.kept(PATTERN), re.compile(PATTERN))
    assert bundle == []  # nothing new: nothing written at exit


def test_a_kept_regex_pattern_is_the_one_regex_compiles(
    bundle: list[Callable[[], None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import regex

    source = r"^[\p{Lu}\p{Lt}][\p{L}\p{M}'’\-]*\.?$"
    compiled.kept_regex(source, regex.I)
    _next_start(bundle)

    def not_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(regex, "compile", not_again)
    kept = compiled.kept_regex(source, regex.I)
    monkeypatch.undo()
    fresh = regex.compile(source, regex.I)
    assert (kept.pattern, kept.flags, kept.groupindex) == (fresh.pattern, fresh.flags, {})
    for word in ["Zoë", "zoë", "Ünal", "O’Brien", "DJ.", "3M", "Ǆemal"]:
        assert bool(kept.match(word)) == bool(fresh.match(word)), word


def test_kept_patterns_of_another_python_or_regex_version_are_compiled_again(
    bundle: list[Callable[[], None]], cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import regex

    compiled.kept(PATTERN)
    compiled.kept_regex(r"\p{Lu}+")
    _next_start(bundle)
    engine = compiled._regex_engine()
    assert engine is not None
    monkeypatch.setattr(compiled, "_regex_engine", lambda: (engine[0], "another build"))
    compiled.kept(PATTERN)
    assert regex.fullmatch(r"\p{Lu}+", "ÀB") and compiled.kept_regex(r"\p{Lu}+").match("ÀB")
    assert len(bundle) == 1  # the regex pattern compiled again, and written again at exit
    _next_start(bundle)
    monkeypatch.setattr(sys, "version", "another Python")
    compiled.kept(PATTERN)
    assert len(bundle) == 1  # compiled again, and written again at exit


@pytest.mark.parametrize("damage", [b"", b"not marshal at all", b"\xe9\x00\x00"])
def test_a_damaged_file_of_kept_patterns_is_compiled_again_and_replaced(
    bundle: list[Callable[[], None]], cache: Path, damage: bytes
) -> None:
    compiled.kept(PATTERN)
    _next_start(bundle)
    (path,) = cache.iterdir()
    path.write_bytes(damage)
    _same(compiled.kept(PATTERN), re.compile(PATTERN))
    _next_start(bundle)
    assert path.read_bytes() != damage


def test_kept_patterns_of_many_versions_are_pruned_to_those_used(
    bundle: list[Callable[[], None]], cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compiled, "_BUNDLE_MOST", 3)
    for number in range(5):
        compiled.kept(f"old{number}")
    _next_start(bundle)
    assert len(compiled._bundle().kept) == 5  # written whole: nothing is pruned as it is added
    compiled.kept("new")
    compiled.kept("old1")
    _next_start(bundle)
    assert sorted(key[1] for key in compiled._bundle().kept) == ["new", "old1"]


def test_an_empty_cache_variable_keeps_no_patterns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(compiled.CACHE_VARIABLE, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    compiled._bundle.cache_clear()
    try:
        _same(compiled.kept(PATTERN), re.compile(PATTERN))
        assert compiled._bundle().path is None
    finally:
        compiled._bundle.cache_clear()
    assert list(tmp_path.iterdir()) == []


def test_the_kept_patterns_of_a_run_are_those_a_fresh_compile_makes(tmp_path: Path) -> None:
    """Every pattern the modules keep, read back from the file in a second process, has
    the program `re` makes of it here and now; a `regex` pattern (whose program lists a
    set's members in an order that varies from run to run) matches what a fresh compile
    matches, on every line and word of the samples."""
    import regex

    samples = Path(__file__).parent.parent / "samples"
    script = (
        "from transcripts.cli import main; import sys; sys.argv = ['transcripts', 'lint', "
        f"{str(samples / 'lukashenko-interview.txt')!r}]\n"
        "try: main()\nexcept SystemExit: pass"
    )
    env = {**os.environ, compiled.CACHE_VARIABLE: str(tmp_path)}
    for _ in range(2):
        subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, check=True)
    path = tmp_path / f"patterns.{sys.implementation.cache_tag}.re"
    check, kept = marshal.loads(path.read_bytes())
    assert check.startswith(sys.version) and len(kept) > 20
    lines = [line for path in samples.glob("*.txt") for line in path.read_text().splitlines()]
    texts = lines + [word for line in lines for word in line.split()] + ["Zoë", "ǅemal", "ÀB"]
    for (engine, source, flags), kept_bytes in kept.items():
        program = marshal.loads(kept_bytes)
        if engine == "re":
            assert program == compiled._program(source, flags), source
            continue
        build, made = program
        made_by = compiled._regex_engine()
        assert engine == "_regex" and made_by is not None and build == made_by[1]
        fresh, read = regex.compile(source, flags), made_by[0].compile(*made)
        assert (read.pattern, read.flags, read.groupindex) == (
            fresh.pattern,
            fresh.flags,
            fresh.groupindex,
        )
        for text in texts:
            found, expected = read.search(text), fresh.search(text)
            assert (found and found.regs) == (expected and expected.regs), (source, text)


def test_a_lint_of_a_small_file_reads_its_regex_patterns_without_importing_regex(
    tmp_path: Path,
) -> None:
    """Importing `regex` costs 6-8 ms of a start: the patterns kept for it are made by
    its engine alone, and the modules a lint of a text in ASCII imports compile nothing
    with it (they import it where they do, when they first do)."""
    samples = Path(__file__).parent.parent / "samples"
    script = (
        "from transcripts.cli import main; import sys; sys.argv = ['transcripts', 'lint', "
        f"{str(samples / 'qa-interview.txt')!r}]\n"
        "try: main()\nexcept SystemExit: pass\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'regex'))"
    )
    env = {**os.environ, compiled.CACHE_VARIABLE: str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert "'regex'" in runs[0].stdout  # the first run compiles and keeps them
    assert runs[1].stdout.splitlines()[-1] == "['regex._regex']"


def test_regex_imported_after_its_engine_is_the_usual_regex(tmp_path: Path) -> None:
    script = (
        "from transcripts import names\n"
        "import sys\n"
        "alone = 'regex' not in sys.modules\n"
        "assert names.is_acronym('ÀB') and not names.is_acronym('Àb')\n"
        "import regex\n"
        "assert sys.modules['regex._regex'] is regex._main._regex\n"
        "assert regex.sub(r'(\\p{Lu})', r'<\\1>', 'aÀb') == 'a<À>b'\n"
        "print(alone)\n"
    )
    env = {**os.environ, compiled.CACHE_VARIABLE: str(tmp_path)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        for _ in range(2)
    ]
    assert [run.stdout for run in runs] == ["False\n", "True\n"]
