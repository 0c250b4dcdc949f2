using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Fangkong.Common;

/// <summary>
/// Which character encoding an import file is in. Files are UTF-8 unless the user says GBK (what
/// Excel's Chinese edition writes as "CSV"): a file that is not valid UTF-8 is refused naming its
/// first bad line rather than imported as garbled names; with <c>gbk</c> it is converted first.
/// </summary>
public static class CsvEncodings
{
    public const string Utf8Name = "utf-8";
    public const string GbkName = "gbk";

    // Code pages ship with .NET but are only served once their provider is registered.
    private static readonly Lazy<Encoding> Gbk = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>Null (the default, UTF-8), or GBK; any other name is an error naming <paramref name="field"/>.</summary>
    public static Result<Encoding?> Parse(string? name, string field = "encoding")
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case null or "" or "utf-8" or "utf8":
                return Result<Encoding?>.Ok(null);
            case "gbk" or "gb2312" or "cp936" or "936":
                return Result<Encoding?>.Ok(Gbk.Value);
            default:
                return Error.Invalid(field, ErrorText.Of("error.common.encoding-utf-gbk", Input.InputExcerpt.Of(name)));
        }
    }

    /// <summary>
    /// Runs <paramref name="import"/> on a UTF-8 file: the file itself, or, when it is in
    /// <paramref name="source"/> encoding, a converted copy (deleted afterwards).
    /// </summary>
    public static async Task<T> WithUtf8FileAsync<T>(string path, Encoding? source, Func<string, Task<T>> import, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(import);
        await using var file = await ToUtf8Async(path, source, ct);
        return await import(file.Path);
    }

    /// <summary>
    /// The file to import: <paramref name="path"/> itself when it is UTF-8 (<paramref name="source"/>
    /// null), else a UTF-8 copy that is deleted on disposal. Lines keep their numbers, so errors name
    /// the same lines as the user's file.
    /// </summary>
    public static async Task<Utf8File> ToUtf8Async(string path, Encoding? source, CancellationToken ct = default)
    {
        if (source is null || !File.Exists(path))
        {
            return new Utf8File(path, Temporary: false);
        }

        var copy = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fangkong-utf8-{Guid.NewGuid():N}.csv");
        try
        {
            using var reader = new StreamReader(path, source, detectEncodingFromByteOrderMarks: false);
            await using var writer = new StreamWriter(copy, append: false, new UTF8Encoding(false));
            var buffer = new char[1 << 16];
            int read;
            while ((read = await reader.ReadAsync(buffer, ct)) > 0)
            {
                await writer.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        catch (DecoderFallbackException)
        {
            File.Delete(copy);
            throw new Input.InputRejectedException(Error.Invalid("file", ErrorText.Of("error.common.file-not-valid-gbk")));
        }
        catch
        {
            File.Delete(copy);
            throw;
        }

        return new Utf8File(copy, Temporary: true);
    }

    /// <summary>A UTF-8 file to read; a converted copy is deleted when disposed.</summary>
    public sealed record Utf8File(string Path, bool Temporary) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            if (Temporary)
            {
                File.Delete(Path);
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The first line (1-based) that is not valid UTF-8, or null when the whole file is.</summary>
    public static long? FirstInvalidUtf8Line(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        var pending = new List<byte>();
        long line = 1;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            // A line break byte never occurs inside a UTF-8 (or GBK) multi-byte character, so lines can be checked one by one.
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                if (!IsValid(pending, buffer.AsSpan(start, i - start)))
                {
                    return line;
                }

                pending.Clear();
                start = i + 1;
                line++;
            }

            pending.AddRange(buffer.AsSpan(start, read - start));
        }

        return IsValid(pending, []) ? null : line;
    }

    /// <summary>The message for a file that is not UTF-8, naming the line and the way to read it as GBK.</summary>
    public static Error NotUtf8(long line) => Error.Invalid(
        "file",
        ErrorText.Of("error.common.line-not-valid-utf-if", line));

    private static bool IsValid(List<byte> pending, ReadOnlySpan<byte> rest)
    {
        if (pending.Count == 0)
        {
            return Utf8.IsValid(rest);
        }

        pending.AddRange(rest);
        return Utf8.IsValid(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pending));
    }
}
