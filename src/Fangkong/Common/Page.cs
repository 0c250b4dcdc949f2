namespace Fangkong.Common;

/// <summary>One page of a long list. Page numbers start at 1.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 200;

    /// <summary>
    /// For a list that pages by key: the value to pass as <c>after</c> for the next page, null on
    /// the last page (or when the list does not page by key).
    /// </summary>
    public long? NextAfter { get; init; }

    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;

    /// <summary>Clamps a requested page and size to sane values.</summary>
    public static (int Number, int Size) Clamp(int? number, int? size) =>
        (Math.Max(1, number ?? 1), Math.Clamp(size ?? DefaultSize, 1, MaxSize));
}
