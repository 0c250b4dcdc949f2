using Fangkong.Common;
using Microsoft.AspNetCore.Http;

namespace Fangkong.Web.Infrastructure;

/// <summary>An uploaded CSV for an import that reads files: the API's uploads and the pages' upload forms share it.</summary>
public static class UploadedCsv
{
    /// <summary>
    /// Saves the upload to a temporary file, converts it to UTF-8 when <paramref name="encoding"/> names
    /// another encoding (<c>gbk</c>), imports it and removes the file after; no file is an error naming "file".
    /// </summary>
    public static async Task<Result<T>> ImportAsync<T>(IFormFile? file, string? encoding, Func<string, Task<Result<T>>> import, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(import);
        if (file is null || file.Length == 0)
        {
            return Error.Invalid("file", ErrorText.Of("error.web.choose-csv-file"));
        }

        var source = CsvEncodings.Parse(encoding);
        if (!source.IsSuccess)
        {
            return source.Error!;
        }

        var path = Path.Combine(Path.GetTempPath(), $"fangkong-upload-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var target = File.Create(path))
            {
                await file.CopyToAsync(target, ct);
            }

            return await CsvEncodings.WithUtf8FileAsync(path, source.Value, import, ct);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
