using Fangkong.Common;

namespace Fangkong.Accountability;

/// <summary>
/// A case is written to be published (点名道姓通报曝光): its text may not carry a phone or identity
/// number, which the notice would refuse once the case is decided and can no longer be edited
/// (issue 16, item 9). Checked when a draft is saved, field by field, and again at the decision for
/// drafts saved before the check existed.
/// </summary>
internal static class PublishableText
{
    /// <summary>The first field of a draft that carries a number the notice would refuse, as a field error.</summary>
    public static Error? Check(string title, string facts, string? consequence, IReadOnlyList<AccountableOfficial> officials)
    {
        foreach (var (field, text) in new[] { ("title", title), ("facts", facts), ("consequence", consequence ?? string.Empty) })
        {
            if (Refused(field, text) is { } error)
            {
                return error;
            }
        }

        for (var i = 0; i < officials.Count; i++)
        {
            var o = officials[i];
            var field = $"officials[{i}]";
            foreach (var (name, text) in new[] { ("name", o.Name), ("unit", o.Unit), ("post", o.Post), ("responsibilityNote", o.ResponsibilityNote ?? string.Empty) })
            {
                if (Refused($"{field}.{name}", text) is { } error)
                {
                    return error;
                }
            }

            // The notice writes unit, post and name in one run ("…小学校副校长郭力玮"): digits split across them join there.
            if (Refused($"{field}.post", o.Unit + o.Post + o.Name) is { } joined)
            {
                return joined;
            }
        }

        return null;
    }

    /// <summary>A draft whose matter, as the notice would write it, carries such a number cannot be decided.</summary>
    public static Error? CheckDecidable(AccountabilityCase @case) =>
        NoticeWriter.Unpublishable(NoticeWriter.Matter(1, @case)) is { } found
            ? Error.Conflict(ErrorText.Of("error.accountability.case-text-private-number-decide", found[..3]))
            : null;

    private static Error? Refused(string field, string text) =>
        NoticeWriter.Unpublishable(text) is { } found
            ? Error.Invalid(field, ErrorText.Of("error.accountability.case-text-private-number", found[..3]))
            : null;
}
