using System.Text;

namespace Fangkong.IntegrationTests.Infrastructure;

/// <summary>Writes lines to a new temporary UTF-8 file (with a BOM, as Excel saves CSV) and returns its path.</summary>
public static class TempCsv
{
    public static string Write(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fangkong-test-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }
}
