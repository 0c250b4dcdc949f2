namespace Fangkong.Accountability;

/// <summary>
/// Breaks Chinese text into lines as a typesetter does. The text is cut into pieces that are never
/// split (one CJK character; a run of Latin letters and digits such as "2022" or "11"); pieces fill a
/// line greedily; then the 禁则 of GB/T 15834 are kept: no line starts with a closing mark
/// (，。、；：？！ and closing quotes and brackets) and none ends with an opening one (“（《…): the
/// last piece is pushed down to the next line with it. A title breaks only after a word (see
/// <see cref="TitleBreaks"/>) and into lines of even length, as 公文 titles are set.
/// </summary>
public static class LineBreaking
{
    /// <summary>Marks that never start a line.</summary>
    public const string NoLineStart = "，。、；：？！）」』》〕】”’…—,.;:?!)]}%";

    /// <summary>Marks that never end a line.</summary>
    public const string NoLineEnd = "（「『《〔【“‘([{";

    /// <summary>The pieces of <paramref name="text"/> that are never split across lines.</summary>
    public static List<string> Pieces(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (IsWordChar(text[i]))
            {
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }
            }
            else
            {
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
            }

            pieces.Add(text[start..i]);
        }

        return pieces;
    }

    /// <summary>
    /// Lines of a paragraph: <paramref name="width"/> measures a piece, the first line is
    /// <paramref name="firstIndent"/> shorter than <paramref name="lineWidth"/>.
    /// </summary>
    public static List<List<string>> Lines(string text, Func<string, double> width, double lineWidth, double firstIndent)
    {
        ArgumentNullException.ThrowIfNull(width);
        var pieces = Pieces(text);
        var lines = new List<List<string>>();
        var line = new List<string>();
        var used = 0.0;
        var available = lineWidth - firstIndent;
        const double Slack = 0.01;
        foreach (var piece in pieces)
        {
            var w = width(piece);
            if (line.Count > 0 && used + w > available + Slack)
            {
                var carried = Kinsoku(line, piece);
                lines.Add(line);
                line = carried;
                used = line.Sum(width);
                available = lineWidth;
            }

            line.Add(piece);
            used += w;
        }

        if (line.Count > 0 || lines.Count == 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>
    /// Keeps the 禁则 at a break before <paramref name="next"/>: the pieces taken off the end of the full
    /// <paramref name="line"/> to start the next one (none when the break is already right).
    /// </summary>
    private static List<string> Kinsoku(List<string> line, string next)
    {
        var carried = new List<string>();
        // A closing mark may not start the next line: the piece before it goes down with it. Several
        // marks in a row ("”。") still need only one piece of text before them.
        if (StartsClosed(next))
        {
            while (line.Count > 1 && StartsClosed(line[^1]))
            {
                carried.Insert(0, line[^1]);
                line.RemoveAt(line.Count - 1);
            }

            if (line.Count > 1)
            {
                carried.Insert(0, line[^1]);
                line.RemoveAt(line.Count - 1);
            }
        }

        // An opening mark may not end a line.
        while (line.Count > 1 && NoLineEnd.Contains(line[^1][^1], StringComparison.Ordinal))
        {
            carried.Insert(0, line[^1]);
            line.RemoveAt(line.Count - 1);
        }

        return carried;
    }

    private static bool StartsClosed(string piece) => piece.Length > 0 && NoLineStart.Contains(piece[0], StringComparison.Ordinal);

    /// <summary>ASCII letters and digits, and the marks inside a number ("3.5", "50%"), stay together.</summary>
    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>
    /// Where a title may break: after the words that end a phrase of a notice's title (关于, 中, 的, 人员…)
    /// or before a conjunction (及, 和, 与) or "的通报". Between two of these, a line never splits a word.
    /// </summary>
    public static IReadOnlySet<int> TitleBreaks(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        string[] after = ["关于", "中", "的", "人员", "干部", "问题", "工作", "期间", "情况", "、", "，"];
        string[] before = ["及", "和", "与", "的通报", "等"];
        var breaks = new HashSet<int>();
        for (var i = 1; i < title.Length; i++)
        {
            if (after.Any(w => i >= w.Length && string.CompareOrdinal(title, i - w.Length, w, 0, w.Length) == 0)
                || before.Any(w => string.CompareOrdinal(title, i, w, 0, w.Length) == 0))
            {
                breaks.Add(i);
            }
        }

        // Never inside a run of digits or letters ("11名").
        breaks.RemoveWhere(i => IsWordChar(title[i - 1]) && IsWordChar(title[i]));
        return breaks;
    }

    /// <summary>
    /// The title's lines: as few as fit, broken only at <see cref="TitleBreaks"/>, the lines as even as
    /// the breaks allow (the longest as short as it can be). Falls back to breaking anywhere outside a
    /// number when no allowed break fits.
    /// </summary>
    public static List<string> TitleLines(string title, Func<string, double> width, double lineWidth)
    {
        ArgumentNullException.ThrowIfNull(width);
        if (width(title) <= lineWidth)
        {
            return [title];
        }

        var breaks = TitleBreaks(title).Order().ToList();
        for (var count = 2; count <= 6; count++)
        {
            if (BestSplit(title, breaks, count, width, lineWidth) is { } best)
            {
                return best;
            }
        }

        return [.. Lines(title, width, lineWidth, 0).Select(l => string.Concat(l))];
    }

    /// <summary>The split into <paramref name="count"/> lines whose longest line is shortest, or null when none fits.</summary>
    private static List<string>? BestSplit(string title, List<int> breaks, int count, Func<string, double> width, double lineWidth)
    {
        List<string>? best = null;
        var bestLongest = double.MaxValue;
        foreach (var cuts in Combinations(breaks, count - 1, 0))
        {
            var lines = new List<string>();
            var from = 0;
            foreach (var cut in cuts.Append(title.Length))
            {
                lines.Add(title[from..cut]);
                from = cut;
            }

            var longest = lines.Max(width);
            if (longest <= lineWidth && longest < bestLongest)
            {
                (best, bestLongest) = (lines, longest);
            }
        }

        return best;
    }

    private static IEnumerable<List<int>> Combinations(List<int> items, int take, int start)
    {
        if (take == 0)
        {
            yield return [];
            yield break;
        }

        for (var i = start; i <= items.Count - take; i++)
        {
            foreach (var rest in Combinations(items, take - 1, i + 1))
            {
                rest.Insert(0, items[i]);
                yield return rest;
            }
        }
    }
}
