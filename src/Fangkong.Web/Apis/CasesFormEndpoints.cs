using System.Globalization;
using Fangkong.Access;
using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>The case page's line-list upload (antiforgery-checked): the same use case as the API, then back to the page with the outcome.</summary>
public static class CasesFormEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/cases/upload", UploadAsync).RequireAuthorization(Permissions.ManageCases).ExcludeFromDescription();
        app.MapPost("/cases/positives/report", ReportPositiveAsync).RequireAuthorization(Permissions.ManageCases).ExcludeFromDescription();
    }

    /// <summary>One row's form on the pending-positives page: classify the positive into a case, then back to the queue.</summary>
    public static async Task<IResult> ReportPositiveAsync(
        [Microsoft.AspNetCore.Mvc.FromForm] long positiveId, [Microsoft.AspNetCore.Mvc.FromForm] string? type, [Microsoft.AspNetCore.Mvc.FromForm] string? severity,
        [Microsoft.AspNetCore.Mvc.FromForm] string? caseNo, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var reported = await ReportPositive.HandleAsync(db, time, new ReportPositive.Command(positiveId, type, severity, caseNo, null), ct);
        return reported.IsSuccess
            ? Results.LocalRedirect($"/cases/positives?reported={Uri.EscapeDataString(reported.Value!.CaseNo)}")
            : Results.LocalRedirect($"/cases/positives?error={Uri.EscapeDataString(reported.Error!.Message)}");
    }

    public static async Task<IResult> UploadAsync(
        IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm(Name = "encoding")] string? encoding, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Results.LocalRedirect($"/cases?uploadError={Uri.EscapeDataString("请选择 CSV 文件 (choose a CSV file).")}");
        }

        var source = CsvEncodings.Parse(encoding);
        if (!source.IsSuccess)
        {
            return Results.LocalRedirect($"/cases?uploadError={Uri.EscapeDataString(source.Error!.Message)}");
        }

        var path = Path.Combine(Path.GetTempPath(), $"fangkong-upload-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var target = File.Create(path))
            {
                await file.CopyToAsync(target, ct);
            }

            var imported = await CsvEncodings.WithUtf8FileAsync(path, source.Value, p => ImportCases.HandleAsync(db, time, p, ct), ct);
            if (!imported.IsSuccess)
            {
                return Results.LocalRedirect($"/cases?uploadError={Uri.EscapeDataString(Shorten(imported.Error!.Message))}");
            }

            var r = imported.Value!;
            return Results.LocalRedirect(string.Create(CultureInfo.InvariantCulture, $"/cases?imported={r.Rows},{r.Added},{r.Updated},{r.Unchanged}"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The refusal list travels in the address: keep it within what browsers and servers accept.</summary>
    private static string Shorten(string message) => message.Length <= 1500 ? message : string.Concat(message.AsSpan(0, 1500), "…");
}
