"""Writing an output file whole or not at all (PDFs, Word documents, web text)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sme_guard.errors import UserError


@contextlib.contextmanager
def written_atomically(path: Path, what: tuple[str, str] = ("ファイル", "the file")) -> Iterator[Path]:
    """A temporary file beside ``path`` to write to, renamed over ``path`` once complete.

    On any error no file is left behind (an older file of the same name is kept); an OSError
    (folder missing, no permission, file open in another program on Windows, disk full) becomes
    a ``UserError`` naming ``what`` was being saved (Japanese, English).
    """
    temporary: Path | None = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=f"{path.suffix}.tmp", dir=path.parent)
        os.close(handle)
        temporary = Path(name)
        yield temporary
        temporary.replace(path)
        temporary = None
    except OSError as exc:
        raise UserError(
            f"{what[0]}を保存できませんでした（{path}）。保存先のフォルダーと空き容量を確認し、"
            f"同じ名前のファイルを開いていれば閉じてから、もう一度お試しください。\n{exc}",
            f"Could not save {what[1]} ({path}). Check the folder and the free space, close the "
            f"file if it is open in another program, and try again.\n{exc}",
        ) from exc
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
