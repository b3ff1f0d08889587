"""attache as a Python library: extraction, analysis and the store.

    import attache
    art = attache.analyze("<html>...</html>", url="https://example.org/a")
    for doc in attache.read("crawl.warc.gz"):
        print(doc.source, attache.analyze(doc)["visits"])
    store = attache.Store("record.db")          # or "postgresql://user@host:port/db"
    store.balance("KAZ", from_="2023", by="quarter")

Every function returns plain dicts with the fields of the CLI's JSON lines.
Errors raise attache.Error with the CLI's message; .code is the reason's
name ("empty", "unsupported", "not-found", ...). The work is done in C++
with the GIL released, so threads run in parallel.
"""

import json
import sys

from . import _attache

__all__ = ["Error", "Document", "extract", "analyze", "read", "Store"]


class Error(Exception):
    """A failure of attache's library: str(e) is the CLI's message."""

    def __init__(self, message, code="unknown"):
        super().__init__(message)
        self.code = code


_attache.set_error_class(Error)

Document = _attache.Document
Document.__doc__ = """A document as attache.read() yields it (or Document(data, url=None, source=...)):
.source, .url, .date, .body. Pass it to extract(), analyze() or Store.ingest()."""


def extract(data, url=None, source="<python>"):
    """The article of one page (bytes or str of HTML or page text, or a Document)."""
    return json.loads(_attache.extract_json(data, url, source))


def analyze(data, url=None, source="<python>"):
    """The article with its quotes, visits and meetings."""
    return json.loads(_attache.analyze_json(data, url, source))


def _print_error(source, message, code):
    print("attache: " + message, file=sys.stderr)


def read(path, on_error=_print_error, max_doc_bytes=None, max_inflate=None):
    """Yields a Document for each document under `path` (any input the CLI
    reads: WARC, HTML, page text, JSON lines, folders, gzip). A document that
    cannot be read goes to on_error(source, message, code) (by default a line
    on stderr, as the CLI writes) and reading goes on; a path that cannot be
    opened raises Error."""
    kw = {}
    if max_doc_bytes is not None:
        kw["max_doc_bytes"] = max_doc_bytes
    if max_inflate is not None:
        kw["max_inflate"] = max_inflate
    reader = _attache.Reader(path, **kw)
    try:
        while True:
            item = reader.next()
            if item is None:
                return
            doc, failure = item
            if doc is not None:
                yield doc
            elif on_error is not None:
                on_error(*failure)
    finally:
        reader.close()


class Store:
    """The record: a SQLite file (a plain path) or PostgreSQL
    ("postgresql://user@host:port/db"). Questions return lists of dicts."""

    def __init__(self, url, read_only=False):
        self._s = _attache.Store(url, read_only)

    @property
    def url(self):
        return self._s.url

    def close(self):
        self._s.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def ingest(self, document, url=None, source="<python>"):
        """Extracts, analyses and stores one document (a Document, bytes or
        str); returns {"outcome": "added"|"duplicate"|"syndicated", ...}.
        Storing is idempotent: the same document again is a duplicate."""
        if not isinstance(document, Document):
            document = Document(document, url, source)
        return self._s.ingest(document)

    def begin_batch(self):
        self._s.begin_batch()

    def commit_batch(self):
        self._s.commit_batch()

    def _rows(self, what, kw):
        return [json.loads(r) for r in self._s.query(what, kw)]

    def search(self, text=None, **filters):
        return self._rows("search", dict(filters, text=text))

    def quotes(self, **filters):
        return self._rows("quotes", filters)

    def visits(self, **filters):
        return self._rows("visits", filters)

    def meetings(self, **filters):
        return self._rows("meetings", filters)

    def actors(self, text=None, **filters):
        return self._rows("actors", dict(filters, text=text))

    def timeline(self, person, **filters):
        return [json.loads(r) for r in self._s.timeline(person, filters)]

    def article(self, article_id):
        return json.loads(self._s.article_json(article_id))

    def visit_sources(self, visit_id):
        return [json.loads(r) for r in self._s.visit_sources(visit_id)]

    def balance(self, host, from_="", to="", by="month", status=("past", "ongoing"), blocs_tsv=""):
        """Visits to `host` (ISO alpha-3) by partner and bloc, per period."""
        if isinstance(status, str):
            status = [status]
        return json.loads(self._s.balance_json(host, from_, to, by, list(status), blocs_tsv))

    def stats(self):
        """What the store holds: articles, syndicated, quotes, visits, ..."""
        return self._s.count()

    def export(self, what, path, format="jsonl"):
        """Writes visits|meetings|quotes|events to `path` as jsonl or csv."""
        self._s.export_to(what, format, path)
