namespace Fangkong.Common;

internal static class TextExtensions
{
    /// <summary>At most <paramref name="max"/> characters: for labels written into bounded columns.</summary>
    public static string Truncate(this string s, int max) => s.Length <= max ? s : s[..max];
}
