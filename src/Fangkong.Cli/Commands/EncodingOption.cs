using System.CommandLine;
using Fangkong.Common;
using Fangkong.Common.Input;

namespace Fangkong.Cli.Commands;

/// <summary><c>--encoding utf-8|gbk</c> on the import commands: GBK files (Excel's Chinese CSV) are converted, not imported garbled.</summary>
internal static class EncodingOption
{
    public static Option<string> Create() => new("--encoding")
    {
        Description = ErrorText.Of("cli.encoding.description"),
        DefaultValueFactory = _ => CsvEncodings.Utf8Name,
    };

    /// <summary>Runs <paramref name="import"/> on the file as UTF-8 (converted first when the option says gbk).</summary>
    public static async Task<int> ImportAsync(ParseResult result, Option<string> encoding, string path, Func<string, Task<int>> import, CancellationToken ct)
    {
        var source = CsvEncodings.Parse(result.GetValue(encoding));
        if (!source.IsSuccess)
        {
            return CommandScope.Fail(source.Error!.Message);
        }

        try
        {
            return await CsvEncodings.WithUtf8FileAsync(path, source.Value, import, ct);
        }
        catch (InputRejectedException e)
        {
            return CommandScope.Fail(e.Error.Message);
        }
    }
}
