using Fangkong.Common;

namespace Fangkong.Access;

/// <summary>
/// The words for a row that names a record the caller cannot see. An import or scan must not tell
/// its caller that a case number, contact number or tube exists in another jurisdiction: a record
/// outside it reads the same as a missing one where "missing" is the honest reading, and a number
/// that is taken elsewhere is only "refused" (issue 14; ADR 0016).
/// </summary>
public static class OutsideRecords
{
    /// <summary>A reference to a record that does not exist or is outside the jurisdiction: one text for both.</summary>
    public static string NotFound(string whatZh, string whatEn, string value) =>
        ErrorText.Of("error.access.does-not-exist-outside-jurisdiction", whatZh, value, whatEn);

    /// <summary>A new record's number that is already used by a record the caller cannot see.</summary>
    public static string Refused(string whatZh, string whatEn, string value) =>
        ErrorText.Of("error.access.cannot-used-row-refused", whatZh, value, whatEn);
}
