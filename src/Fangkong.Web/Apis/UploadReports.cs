using System.Security.Cryptography;
using Fangkong.Testing;
using Microsoft.Extensions.Caching.Memory;

namespace Fangkong.Web.Apis;

/// <summary>
/// Refusals of a lab upload, kept on the server under a short id for the page that the upload
/// redirects to: a refusal of hundreds of lines does not fit in a URL. A report is shown only to
/// the user who uploaded, and is forgotten after <see cref="Lifetime"/> (or when the host
/// restarts: the lab then sees that nothing was recorded, and uploads again).
/// </summary>
public sealed class UploadReports(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public sealed record Report(string UserName, string Summary, IReadOnlyList<RecordResults.Refusal> Refused);

    public string Keep(string userName, string summary, IReadOnlyList<RecordResults.Refusal> refused)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        cache.Set(Key(id), new Report(userName, summary, refused), Lifetime);
        return id;
    }

    /// <summary>The report of that id, if it exists and is the user's own.</summary>
    public Report? Find(string? id, string userName) =>
        !string.IsNullOrEmpty(id) && cache.TryGetValue(Key(id), out Report? report) && report is not null && report.UserName == userName
            ? report
            : null;

    private static string Key(string id) => "upload-report:" + id;
}
