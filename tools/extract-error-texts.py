#!/usr/bin/env python3
"""Turns "中文 (English)" error messages in src/ into coded texts in tools/texts.tsv.

A call such as

    Error.NotFound($"检查 {id} 不存在 (Inspection {id} was not found).")

becomes

    Error.NotFound(ErrorText.Of("error.supervision.inspection-was-not-found", id))

and texts.tsv gains the line

    error.supervision.inspection-was-not-found<TAB>检查 {0} 不存在<TAB>Inspection {0} was not found.

Interpolation holes become numbered arguments (the same expression in both languages is one argument);
string arguments are cut to a short excerpt when the text is rendered (Common/ErrorText.cs), so a message
never echoes a long input. The script is safe to re-run: a text already in texts.tsv keeps its key, new
texts are appended at the end, and calls already converted are left alone. After merging a branch that
adds "中文 (English)" messages, run it again, then `python3 tools/make-resx.py`.

    python3 tools/extract-error-texts.py            rewrite and append
    python3 tools/extract-error-texts.py --check    list what would change, change nothing (exit 1 if any)

A second pass converts every other "中文 (English)" literal in src/ (an import row's refusal reason, a
checkpoint verdict, the CLI's output) the same way, wherever it stands: ErrorText converts to string
implicitly, so a literal that was a string still compiles and renders in the reader's culture. Files
listed in tools/bilingual-allowed.tsv (path, count, reason: texts stored once for every reader, or
matched against input in both languages) are left alone; the unit test BilingualLiteralsTests holds
src/ to that list.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEXTS = os.path.join(ROOT, "tools", "texts.tsv")
CALL = re.compile(r"\b((?:(?:Fangkong\.)?Common\.)?)Error\.(Invalid|NotFound|Conflict|Forbidden|TooManyRequests)\(")
EXPECTED_ARGS = {"Invalid": 2}
STOP_WORDS = {"a", "an", "the", "is", "are", "be", "was", "of", "to", "in", "on", "or", "and", "for", "it",
              "this", "that", "your", "you", "its", "with", "at", "by", "as", "has", "have", "must", "than", "got"}


# ---- a small C# lexer: enough to find where strings, holes and arguments end -------------------------

def skip_string(src, i):
    """i is at the opening quote of a literal (after any $ and @ prefix); returns the index after it."""
    verbatim, interpolated = False, False
    j = i
    while src[j - 1] in "$@" and j > 0:
        if src[j - 1] == "@":
            verbatim = True
        else:
            interpolated = True
        j -= 1
    if src.startswith('"""', i):
        raise ValueError("raw string literal")
    i += 1
    while True:
        c = src[i]
        if interpolated and c == "{":
            if src[i + 1] == "{":
                i += 2
                continue
            i = skip_hole(src, i + 1)
            continue
        if c == "\\" and not verbatim:
            i += 2
            continue
        if c == '"':
            if verbatim and src[i + 1] == '"':
                i += 2
                continue
            return i + 1
        if c == "\n" and not verbatim:
            raise ValueError("unterminated string")
        i += 1


def skip_hole(src, i):
    """i is just inside an interpolation hole; returns the index after its closing brace."""
    return split_arguments(src, i)[1]


def skip_char(src, i):
    i += 1
    if src[i] == "\\":
        i += 1
    while src[i] != "'":
        i += 1
    return i + 1


def split_arguments(src, i):
    """i is just after an opening parenthesis; returns ([(start, end) of each argument], index after ')')."""
    args, start, depth = [], i, 0
    while True:
        c = src[i]
        if c == '"':
            i = skip_string(src, i)
            continue
        if c == "'":
            i = skip_char(src, i)
            continue
        if src.startswith("//", i):
            i = src.index("\n", i)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                args.append((start, i))
                return args, i + 1
            depth -= 1
        elif c == "," and depth == 0:
            args.append((start, i))
            start = i + 1
        i += 1


# ---- a message expression: literals, interpolations, string.Create(..., $"...") and "a" + "b" ----------

ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'"}


def literal_pieces(expr):
    """Splits `"a" + $"b{x}"` into [(prefix, body)], or None when the expression is not only literals."""
    expr = expr.strip()
    create = re.fullmatch(r"string\.Create\(\s*CultureInfo\.InvariantCulture\s*,\s*(.*)\)", expr, re.S)
    if create:
        expr = create.group(1).strip()
    pieces, i = [], 0
    while True:
        m = re.compile(r"\s*(\$@|@\$|\$|@)?\"").match(expr, i)
        if not m:
            return None
        quote = m.end() - 1
        end = skip_string(expr, quote)
        pieces.append((m.group(1) or "", expr[quote + 1:end - 1]))
        rest = re.compile(r"\s*\+\s*").match(expr, end)
        if expr[end:].strip() == "":
            return pieces
        if not rest:
            return None
        i = rest.end()


def segments(prefix, body):
    """A literal's text and holes: [("text", str) | ("hole", expr, suffix)], suffix being ",align:format"."""
    interpolated, verbatim = "$" in prefix, "@" in prefix
    out, text, i = [], [], 0
    while i < len(body):
        c = body[i]
        if interpolated and c in "{}" and body[i + 1:i + 2] == c:
            text.append(c)
            i += 2
            continue
        if interpolated and c == "{":
            end = skip_hole(body, i + 1)
            inner = body[i + 1:end - 1]
            cut = top_level_suffix(inner)
            out.append(("text", "".join(text)))
            text = []
            out.append(("hole", inner[:cut].strip(), inner[cut:]))
            i = end
            continue
        if c == "\\" and not verbatim:
            n = body[i + 1]
            if n == "u":
                text.append(chr(int(body[i + 2:i + 6], 16)))
                i += 6
                continue
            text.append(ESCAPES[n])
            i += 2
            continue
        if c == '"' and verbatim:
            text.append('"')
            i += 2
            continue
        text.append(c)
        i += 1
    out.append(("text", "".join(text)))
    return out


def top_level_suffix(hole):
    """Where a hole's ",alignment" or ":format" starts (outside brackets, strings and ?: conditionals)."""
    depth, i = 0, 0
    while i < len(hole):
        c = hole[i]
        if c == '"':
            i = skip_string(hole, i)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c in ",:" and depth == 0:
            return i
        i += 1
    return len(hole)


# ---- "中文 (English)" into two templates ----------------------------------------------------------------

def template(parts, holes):
    """Joins segments into a string.Format template, numbering holes by expression."""
    out = []
    for part in parts:
        if part[0] == "text":
            out.append(part[1].replace("{", "{{").replace("}", "}}"))
        else:
            if part[1] not in holes:
                holes.append(part[1])
            out.append("{" + str(holes.index(part[1])) + part[2] + "}")
    return "".join(out)


def split_languages(parts):
    """Finds the final parenthesised English part; returns (zh segments, en segments) or None."""
    flat = []  # (segment index, char index) of each text character, holes opaque
    for n, part in enumerate(parts):
        if part[0] == "text":
            flat.extend((n, k, ch) for k, ch in enumerate(part[1]))
        else:
            flat.append((n, -1, None))
    while flat and flat[-1][2] is not None and flat[-1][2].isspace():
        flat.pop()
    tail = ""
    if flat and flat[-1][2] in (".", "。"):
        tail = "."
        flat.pop()
    if not flat or flat[-1][2] != ")":
        return None
    depth, k = 0, len(flat) - 1
    while k >= 0:
        ch = flat[k][2]
        if ch == ")":
            depth += 1
        elif ch == "(":
            depth -= 1
            if depth == 0:
                break
        k -= 1
    if k <= 0:
        return None
    zh, en = cut(parts, flat[:k]), cut(parts, flat[k + 1:-1])
    zh_text = "".join(p[1] for p in zh if p[0] == "text")
    en_text = "".join(p[1] for p in en if p[0] == "text")
    if not re.search(r"[\u4e00-\u9fff]", zh_text) or not re.search(r"[A-Za-z]", en_text) \
            or re.search(r"[\u4e00-\u9fff]", en_text):
        return None
    zh = strip_edges(zh)
    en = strip_edges(en)
    if tail and not ends_with(en, "."):
        en.append(("text", "."))
    return zh, en


def cut(parts, chars):
    out = []
    for n, k, ch in chars:
        if k == -1:
            out.append(parts[n])
        elif out and out[-1][0] == "text" and out[-1][2] == n:
            out[-1] = ("text", out[-1][1] + ch, n)
        else:
            out.append(("text", ch, n))
    return [(p[0], p[1]) if p[0] == "text" else p for p in out]


def strip_edges(parts):
    parts = list(parts)
    if parts and parts[0][0] == "text":
        parts[0] = ("text", parts[0][1].lstrip())
    if parts and parts[-1][0] == "text":
        parts[-1] = ("text", parts[-1][1].rstrip())
    return [p for p in parts if p[0] != "text" or p[1]]


def ends_with(parts, ch):
    return bool(parts) and parts[-1][0] == "text" and parts[-1][1].endswith(ch)


# ---- keys ----------------------------------------------------------------------------------------------

def area_of(path):
    rel = os.path.relpath(path, os.path.join(ROOT, "src")).split(os.sep)
    if rel[0] == "Fangkong.Web":
        return "web"
    if rel[0] == "Fangkong.Cli":
        return "cli"
    folder = rel[1] if len(rel) > 2 else "common"
    return re.sub(r"(?<!^)(?=[A-Z])", "-", folder).lower()


def slug(en):
    text = re.sub(r"\{[^}]*\}", " ", en).lower()
    words = [w for w in re.findall(r"[a-z]+", text) if w not in STOP_WORDS]
    return "-".join(words[:5]) or "message"


def load_texts():
    by_text, keys = {}, set()
    with open(TEXTS, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and not line.startswith("#"):
                keys.add(parts[0])
                if parts[0].startswith("error."):
                    by_text[(parts[1], parts[2])] = parts[0]
    return by_text, keys


def key_for(area, zh, en, by_text, keys, added):
    if (zh, en) in by_text:
        return by_text[(zh, en)]
    base = f"error.{area}.{slug(en)}"
    key, n = base, 2
    while key in keys:
        key, n = f"{base}-{n}", n + 1
    keys.add(key)
    by_text[(zh, en)] = key
    added.append((key, zh, en))
    return key


# ---- the rewrite ---------------------------------------------------------------------------------------

def sources():
    for folder, dirs, files in os.walk(os.path.join(ROOT, "src")):
        dirs[:] = [d for d in dirs if d not in ("obj", "bin", "wwwroot")]
        for name in sorted(files):
            if name.endswith((".cs", ".razor")):
                yield os.path.join(folder, name)


def argument(hole, qualifier):
    """A list of the program's own values (enum names, roles) is kept whole; any other string is cut as input."""
    if re.match(r"string\.Join\(.*(Enum\.GetNames|Roles\.All)", hole):
        return f"{qualifier}ErrorText.Plain({hole})"
    return hole


def convert(path, src, by_text, keys, added, skipped):
    edits = []
    for m in CALL.finditer(src):
        try:
            args, _ = split_arguments(src, m.end())
        except (ValueError, IndexError):
            skipped.append((path, src.count("\n", 0, m.start()) + 1, "could not parse the call"))
            continue
        if len(args) != EXPECTED_ARGS.get(m.group(2), 1):
            continue
        start, end = args[-1]
        expr = src[start:end]
        line = src.count("\n", 0, m.start()) + 1
        if "ErrorText." in expr:
            continue
        try:
            pieces = literal_pieces(expr)
        except (ValueError, IndexError):
            pieces = None
        if pieces is None:
            skipped.append((path, line, "not a literal (an ErrorText already, or convert by hand): " + " ".join(expr.split())[:80]))
            continue
        parts = [s for prefix, body in pieces for s in segments(prefix, body)]
        languages = split_languages(parts)
        if languages is None:
            skipped.append((path, line, "not 中文 (English): " + " ".join(expr.split())[:80]))
            continue
        holes = []
        zh, en = template(languages[0], holes), template(languages[1], holes)
        if "\t" in zh + en or "\n" in zh + en:
            skipped.append((path, line, "tab or line break in the text"))
            continue
        key = key_for(area_of(path), zh, en, by_text, keys, added)
        lead = re.match(r"\s*", expr).group(0)
        call = f"{m.group(1)}ErrorText.Of(\"{key}\"" + "".join(", " + argument(h, m.group(1)) for h in holes) + ")"
        edits.append((start, end, lead + call))
    for start, end, text in reversed(edits):
        src = src[:start] + text + src[end:]
    return src, len(edits)


# ---- any other "中文 (English)" literal ----------------------------------------------------------------

ALLOWED = os.path.join(ROOT, "tools", "bilingual-allowed.tsv")


def allowed_files():
    with open(ALLOWED, encoding="utf-8") as f:
        return {line.split("\t")[0] for line in f if line.strip() and not line.startswith("#")}


def top_level_literals(src):
    """(start, end, prefix) of each string literal outside comments and outside other literals' holes."""
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            i = src.find("\n", i)
            i = n if i < 0 else i
            continue
        if src.startswith("/*", i):
            i = src.find("*/", i) + 2
            i = n if i < 2 else i
            continue
        if c == "'":
            try:
                i = skip_char(src, i)
            except IndexError:
                i += 1
            continue
        if c == '"':
            start = i
            while start > 0 and src[start - 1] in "$@":
                start -= 1
            if src.startswith('"""', i):
                i = src.find('"""', i + 3) + 3
                i = n if i < 3 else i
                continue
            try:
                end = skip_string(src, i)
            except (ValueError, IndexError):
                i += 1
                continue
            yield start, end, src[start:i]
            i = end
            continue
        i += 1


BILINGUAL = re.compile(r'[\u4e00-\u9fff][^"\n]* \([A-Za-z\'{][^"\n]*\)')


def convert_literals(path, src, by_text, keys, added, skipped):
    edits = []
    for start, end, prefix in top_level_literals(src):
        body = src[start + len(prefix) + 1:end - 1]
        if not BILINGUAL.search(body):
            continue
        line_start = src.rfind("\n", 0, start) + 1
        line_text = src[line_start:src.find("\n", start)]
        line = src.count("\n", 0, start) + 1
        statement = src[max(src.rfind(";", 0, start), src.rfind("{", 0, start), src.rfind("}", 0, start)) + 1:start]
        if re.match(r"\s*\[", line_text) or re.search(r"\bconst\b", statement):
            skipped.append((path, line, "an attribute or a constant"))
            continue
        before, after = src[:start].rstrip(), src[end:].lstrip()
        if before.endswith("+") or after.startswith("+"):
            skipped.append((path, line, "part of a concatenation: convert by hand"))
            continue
        parts = segments(prefix, body)
        languages = split_languages(parts)
        if languages is None:
            skipped.append((path, line, "not 中文 (English): " + " ".join(src[start:end].split())[:80]))
            continue
        holes = []
        zh, en = template(languages[0], holes), template(languages[1], holes)
        if "\t" in zh + en or "\n" in zh + en:
            skipped.append((path, line, "tab or line break in the text"))
            continue
        key = key_for(area_of(path), zh, en, by_text, keys, added)
        qualifier = "" if re.search(r"^using Fangkong\.Common;|^namespace Fangkong\.Common", src, re.M) else "Fangkong.Common."
        call = f"{qualifier}ErrorText.Of(\"{key}\"" + "".join(", " + argument(h, qualifier) for h in holes) + ")"
        invariant = re.search(r"string\.Create\(\s*CultureInfo\.InvariantCulture\s*,\s*$", src[:start])
        if invariant and src[end:].lstrip().startswith(")"):
            # The text formats its own values in the reader's culture; the wrapper has nothing left to do.
            close = src.index(")", end)
            start, end = invariant.start(), close + 1
        edits.append((start, end, call))
    for start, end, text in reversed(edits):
        src = src[:start] + text + src[end:]
    return src, len(edits)


def main():
    check = "--check" in sys.argv[1:]
    by_text, keys = load_texts()
    added, skipped, changed, calls = [], [], [], 0
    allowed = allowed_files()
    for path in sources():
        with open(path, encoding="utf-8") as f:
            src = f.read()
        new, count = convert(path, src, by_text, keys, added, skipped)
        relative = os.path.relpath(path, ROOT)
        # The CLI's own lines mix the languages freely ("导入人员 Import residents (…)"): not this pass's shape.
        if path.endswith(".cs") and relative not in allowed and not relative.startswith(os.path.join("src", "Fangkong.Cli")):
            new, more = convert_literals(path, new, by_text, keys, added, skipped)
            count += more
        if count:
            calls += count
            changed.append(path)
            if not check:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(new)
    if added and not check:
        with open(TEXTS, "a", encoding="utf-8") as f:
            for row in added:
                f.write("\t".join(row) + "\n")
    for path, line, why in skipped:
        print(f"left as is: {os.path.relpath(path, ROOT)}:{line}: {why}")
    print(f"{calls} calls in {len(changed)} files {'to convert' if check else 'converted'}; "
          f"{len(added)} new texts; {len(skipped)} left as is")
    if check and calls:
        sys.exit(1)


if __name__ == "__main__":
    main()
