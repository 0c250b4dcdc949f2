using System.Globalization;
using Fangkong.Common;

namespace Fangkong.Testing;

/// <summary>The values of the sampling and result files: times and Ct values (the files are read by <see cref="CsvFile"/>).</summary>
internal static class TestingCsv
{
    public static bool TryParseTime(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    public static bool TryParseCt(string text, out double? value)
    {
        value = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ct))
        {
            value = ct;
            return true;
        }

        return false;
    }
}
