"""Command line: argument parsing and exit codes only; the work is done by the API.

Exit codes: 0 success; 1 a batch finished but some records failed; 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TypeVar

from briefing import batch
from briefing.compose import NER_CHOICES, Options, make_briefing
from briefing.files import write_atomic
from briefing.lang import REFERENCE, available, load_language
from briefing.model import BriefingError
from briefing.rank import ALGORITHMS, slow_warning
from briefing.read import is_url, read_document
from briefing.render import FORMATS, render

T = TypeVar("T")

SUFFIX = {
    "md": ".briefing.md",
    "json": ".briefing.json",
    "txt": ".briefing.txt",
    "html": ".briefing.html",
    "eml": ".briefing.eml",
}


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (the project's rule for every error)."""

    def error(self, message: str) -> NoReturn:
        raise BriefingError(f"{message} (see {self.prog} --help)")


def add_summary_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-a",
        "--algorithm",
        default="default",
        choices=ALGORITHMS,
        help="sentence ranker (default: %(default)s)",
    )
    length = parser.add_mutually_exclusive_group()
    length.add_argument("-n", "--sentences", type=int, help="summary length in sentences")
    length.add_argument("-w", "--words", type=int, help="summary length in words")
    parser.add_argument(
        "-l",
        "--language",
        metavar="CODE",
        help=f"language of the article: {', '.join(available())}, or a folder of language "
        f"files (default: {REFERENCE}, and a text in another language is refused; "
        "giving --language briefs it anyway)",
    )
    parser.add_argument(
        "--ner",
        default="rules",
        choices=NER_CHOICES,
        help="name finder: the project's rules (no model), or spaCy's entity recognizer "
        "(pip install 'briefing[spacy]') (default: %(default)s)",
    )
    parser.add_argument(
        "--spacy-model",
        default="en_core_web_sm",
        metavar="NAME",
        help="spaCy pipeline of --ner spacy (default: %(default)s)",
    )


def brief_parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="briefing",
        description="Turn a news article into a one-page briefing: bottom line, summary, "
        "key actors, key figures and next steps.",
        epilog="examples:\n"
        "  briefing samples/earthquake.txt -o - --format txt\n"
        "  briefing article.txt --language path/to/my-language  (a folder like briefing/lang/en)\n"
        "other commands: briefing story --help, briefing batch --help, briefing send --help",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", help="article: .txt, .md or .html file, http(s) URL, or - for stdin")
    p.add_argument(
        "-o",
        "--output",
        help="output file, or - for stdout "
        "(default: INPUT.briefing.<format> next to the input; stdout for stdin)",
    )
    add_output_options(p)
    return p


def batch_parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="briefing batch",
        description="Brief many articles: a JSONL file (one {id, text, title?} object a line),\n"
        "a folder of .txt/.md/.html files, or a glob. Writes a JSONL file of briefings\n"
        "(one {id, ...} or {id, error} line per input, same order) or, with --format,\n"
        "one briefing file per input into a folder.\n"
        "Exit status: 0 all done, 1 some inputs failed, 2 error (nothing briefed).",
        epilog="examples:\n"
        "  briefing batch news.jsonl --output briefings.jsonl --sentences 3\n"
        "  briefing batch 'notes/*.md' --format md --output briefings/ --jobs 4\n"
        "  briefing batch news.jsonl --output briefings.jsonl --resume\n"
        "  briefing batch news.jsonl --output briefings.jsonl --language path/to/my-language",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", help="JSONL file, - for JSONL on stdin, folder, or glob pattern")
    p.add_argument(
        "--output",
        required=True,
        help="JSONL file to write (- for stdout), or a folder with --format",
    )
    p.add_argument(
        "-f",
        "--format",
        default="jsonl",
        choices=("jsonl", *FORMATS),
        help="jsonl (default): one file of briefings; else one file per input",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="worker processes (default: the number of cores, %(default)s)",
    )
    p.add_argument(
        "--resume",
        action="store_true",
        help="skip inputs already briefed in --output (and keep what is there)",
    )
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no summary line; errors are still reported",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster: tcp://HOST:8786, or local for --jobs local worker "
        "processes; inputs and outputs may then be fsspec URLs (needs briefing[dask])",
    )
    add_summary_options(p)
    return p


def story_parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="briefing story",
        description="One briefing from several articles on the same story: a fact several\n"
        "sources report comes once, with how many carry it; every line names its source\n"
        "([1], [2] ... and a list of sources); values the sources report differently are\n"
        "listed under 'Where sources differ'. Each input is read as `briefing INPUT` reads it;\n"
        "one that cannot be read is reported and left out.\n"
        "Exit status: 0 done, 1 done without some inputs, 2 error (no briefing).",
        epilog="examples:\n"
        "  briefing story a.html b.txt https://example.org/c -o story.briefing.md\n"
        "  briefing story reports/*.txt --format json -o story.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="input",
        help="article: .txt, .md or .html file, http(s) URL, or - for stdin (once)",
    )
    p.add_argument("-o", "--output", default="-", help="output file, or - for stdout (default)")
    add_output_options(p)
    return p


def add_output_options(parser: argparse.ArgumentParser) -> None:
    """What a briefing written to a file says and how: the format, the e-mail addresses of
    the .eml format and the summary's options (briefing and briefing story)."""
    parser.add_argument("-f", "--format", default="md", choices=FORMATS, help="output format")
    add_address_options(parser, to_required=False)
    add_summary_options(parser)


def add_address_options(parser: argparse.ArgumentParser, to_required: bool) -> None:
    parser.add_argument("--from", dest="sender", metavar="ADDR", help="From address (eml, send)")
    parser.add_argument("--to", required=to_required, metavar="ADDR", help="To address (eml, send)")


def send_parser() -> argparse.ArgumentParser:
    from briefing.mail import PASSWORD_ENV

    p = Parser(
        prog="briefing send",
        description="Brief an article and send the briefing by e-mail (plain text and HTML). "
        f"With --user, the password is read from ${PASSWORD_ENV} or asked for.",
        epilog="example: briefing send article.txt --to me@example.org "
        "--smtp smtp.example.org:587 --starttls --user me",
    )
    p.add_argument("input", help="article: .txt, .md or .html file, http(s) URL, or - for stdin")
    add_address_options(p, to_required=True)
    p.add_argument("--smtp", required=True, metavar="HOST:PORT", help="SMTP server")
    p.add_argument("--starttls", action="store_true", help="encrypt with STARTTLS")
    p.add_argument("--user", help="SMTP login name")
    add_summary_options(p)
    return p


def options_from(args: argparse.Namespace) -> Options:
    """The summary options. They are checked here, before the library would check them, so
    that an error names the option it came from."""
    check_counts(args)
    language = args.language or REFERENCE
    for_option("--language", load_language, language)
    return Options(
        algorithm=args.algorithm,
        sentences=args.sentences,
        words=args.words,
        language=language,
        detect_language=args.language is None,
        ner=args.ner,
        spacy_model=args.spacy_model,
    )


def check_counts(args: argparse.Namespace) -> None:
    for flag in ("sentences", "words", "jobs"):  # those the command has
        value = getattr(args, flag, None)
        if value is not None and value < 1:
            raise BriefingError(f"--{flag} must be at least 1")


def for_option(flag: str, check: Callable[[str], T], value: str) -> T:
    """check(value), its error reported with the option the value came from."""
    try:
        return check(value)
    except BriefingError as err:
        raise BriefingError(f"{flag}: {err}") from None


def output_path(args: argparse.Namespace) -> Path | None:
    """Where to write, or None for stdout."""
    if args.output == "-" or (args.output is None and args.input == "-"):
        return None
    if args.output:
        return Path(args.output)
    src = Path(args.input)
    return src.with_name(src.name.removesuffix(src.suffix) + SUFFIX[args.format])


def check_not_input(source: str, target: Path | None) -> None:
    """Refuse to write the briefing over its own article (the same file by any name: a
    symbolic link or a hard link to it too)."""
    if target is None or source == "-" or is_url(source):
        return
    try:
        same = os.path.samefile(source, target)
    except (OSError, ValueError):  # either does not exist (yet), or cannot be looked at
        same = False
    if same:
        raise BriefingError(f"{target}: is the input too; choose another output file")


def eml_address_warning(args: argparse.Namespace) -> str | None:
    """A warning for an e-mail written without sender or recipient, else None."""
    if args.format != "eml":
        return None
    missing = [
        what
        for what, value in (("sender (--from)", args.sender), ("recipient (--to)", args.to))
        if not value
    ]
    if not missing:
        return None
    return f"warning: the e-mail has no {' and no '.join(missing)}"


def run_brief(argv: list[str]) -> int:
    args = brief_parser().parse_args(argv)
    options = options_from(args)
    if is_url(args.input) and args.output is None:
        args.output = "-"  # no folder next to a web page to write into
    target = output_path(args)
    check_not_input(args.input, target)
    doc = read_document(args.input, language=options.language)
    warning = slow_warning(options.algorithm, doc)
    if warning:
        print(warning, file=sys.stderr)
    briefing = make_briefing(doc, options)
    if args.format == "eml":  # render() has no addresses; the e-mail builder takes them
        from briefing.render.eml import to_eml

        text = to_eml(briefing, sender=args.sender, to=args.to)
    else:
        text = render(briefing, args.format)
    if target is None:
        sys.stdout.write(text)
    else:
        write_atomic(target, text)
        print(f"wrote {target}", file=sys.stderr)
    # Warnings after writing: a failed write is one line, the error.
    for line in briefing.warnings:
        print(f"warning: {line}", file=sys.stderr)
    warning = eml_address_warning(args)
    if warning:
        print(warning, file=sys.stderr)
    return 0


def run_story(argv: list[str]) -> int:
    from briefing.story import make_story_briefing, read_documents

    args = story_parser().parse_args(argv)
    options = options_from(args)
    if args.inputs.count("-") > 1:
        raise BriefingError("stdin (-) can be read once only")
    target = None if args.output == "-" else Path(args.output)
    for source in args.inputs:
        check_not_input(source, target)
    docs, problems = read_documents(args.inputs, language=options.language)
    briefing = make_story_briefing(docs, options, problems=problems)
    if args.format == "eml":
        from briefing.render.eml import to_eml

        text = to_eml(briefing, sender=args.sender, to=args.to)
    else:
        text = render(briefing, args.format)
    if target is None:
        sys.stdout.write(text)
    else:
        write_atomic(target, text)
        print(f"wrote {target}", file=sys.stderr)
    for line in briefing.warnings:  # the documents left out, one line each
        print(f"warning: {line}", file=sys.stderr)
    return 1 if problems else 0


def run_batch(argv: list[str]) -> int:
    args = batch_parser().parse_args(argv)
    options = options_from(args)
    if args.output == "-" and args.resume:
        raise BriefingError("--resume needs --output FILE, not stdout")
    if args.output == "-" and args.format != "jsonl":
        raise BriefingError("one briefing file per input needs --output FOLDER, not stdout")
    if args.scheduler is not None:
        return run_on_cluster(args, options)
    summary = batch.run_batch(
        args.input,
        args.output,
        options,
        fmt=args.format,
        jobs=args.jobs,
        resume=args.resume,
        quiet=args.quiet,
    )
    return 1 if summary.failed else 0


def run_on_cluster(args: argparse.Namespace, options: Options) -> int:
    # Imported here: dask and distributed take a second to import, and only --scheduler needs them.
    try:
        from briefing import cluster
    except ImportError as err:
        raise BriefingError(
            f"--scheduler needs Dask ({err.name} is missing): pip install 'briefing[dask]'"
        ) from None
    summary = cluster.run_cluster_batch(
        args.input,
        args.output,
        options,
        scheduler=args.scheduler,
        fmt=args.format,
        jobs=args.jobs,
        resume=args.resume,
        quiet=args.quiet,
    )
    return 1 if summary.failed else 0


def run_send(argv: list[str]) -> int:
    from briefing.mail import needs_tls, parse_smtp, send
    from briefing.render.eml import make_message

    args = send_parser().parse_args(argv)
    options = options_from(args)
    host, port = for_option("--smtp", parse_smtp, args.smtp)  # fails before the article is read
    if needs_tls(host, args.user, args.starttls):
        raise BriefingError("refusing to send a password unencrypted: add --starttls")
    msg = make_message(
        make_briefing(read_document(args.input, language=options.language), options),
        sender=args.sender,
        to=args.to,
    )
    send(msg, host, port, starttls=args.starttls, user=args.user)
    print(f"sent to {args.to} via {args.smtp}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        commands = {"batch": run_batch, "send": run_send, "story": run_story}
        if argv and argv[0] in commands:
            return commands[argv[0]](argv[1:])
        return run_brief(argv)
    except BriefingError as err:
        print(f"briefing: error: {err}", file=sys.stderr)
        return 2
    except batch.Interrupted as err:
        print(f"briefing: {err}", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130


def run() -> NoReturn:
    """The `briefing` command: `main`, then the exit.

    A batch leaves a few hundred thousand objects (word tables, caches) that the interpreter
    would free one by one on its way out: a tenth of a second of a 500-article batch. When
    nothing is left running (no other thread, no child process, no Dask client, whose exits
    the interpreter would wait for), the output is flushed and the process ends at once."""
    code = main()
    if _nothing_running():
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:
            sys.exit(code)  # a closed pipe: the interpreter reports it as it always did
        os._exit(code)
    sys.exit(code)


def _nothing_running() -> bool:
    if threading.active_count() > 1 or "distributed" in sys.modules:
        return False
    multiprocessing = sys.modules.get("multiprocessing")
    return multiprocessing is None or not multiprocessing.active_children()
