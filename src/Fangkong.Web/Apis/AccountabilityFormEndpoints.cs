using System.Globalization;
using Fangkong.Access;
using Fangkong.Accountability;
using Fangkong.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Fangkong.Web.Apis;

/// <summary>
/// The accountability and notice pages' form posts (antiforgery-checked): the same use cases as
/// the API, then a redirect with the outcome, so a reload never posts twice. The case form sends
/// its officials as numbered rows (<c>o0.name</c>, <c>o0.measures</c>…); rows without a name are ignored.
/// </summary>
public static class AccountabilityFormEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/accountability", CreateAsync).RequireAuthorization(Permissions.ManageAccountability).ExcludeFromDescription();
        app.MapPost("/accountability/{id:long}", UpdateAsync).RequireAuthorization(Permissions.ManageAccountability).ExcludeFromDescription();
        app.MapPost("/accountability/{id:long}/decide", DecideAsync).RequireAuthorization(Permissions.ManageAccountability).ExcludeFromDescription();
        app.MapPost("/notices", ComposeAsync).RequireAuthorization(Permissions.ManageAccountability).ExcludeFromDescription();
    }

    public static async Task<IResult> CreateAsync(IFormCollection form, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var saved = await SaveAccountabilityCase.CreateAsync(db, time, CaseCommand(form), ct);
        return saved.IsSuccess
            ? Results.LocalRedirect(Invariant($"/accountability/{saved.Value!.Id}?saved=1"))
            : Results.LocalRedirect($"/accountability/new?error={Escape(saved.Error!.Message)}&region={Escape(form["region"])}");
    }

    public static async Task<IResult> UpdateAsync(long id, IFormCollection form, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var saved = await SaveAccountabilityCase.UpdateAsync(db, time, id, CaseCommand(form), ct);
        return saved.IsSuccess
            ? Results.LocalRedirect(Invariant($"/accountability/{id}?saved=1"))
            : Results.LocalRedirect(Invariant($"/accountability/{id}/edit?error={Escape(saved.Error!.Message)}"));
    }

    public static async Task<IResult> DecideAsync(long id, IFormCollection form, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var decided = await DecideAccountabilityCase.HandleAsync(db, time, id, new DecideAccountabilityCase.Command(form["decidingBody"], Date(form["decidedOn"])), ct);
        return decided.IsSuccess
            ? Results.LocalRedirect(Invariant($"/accountability/{id}?decided=1"))
            : Results.LocalRedirect(Invariant($"/accountability/{id}?error={Escape(decided.Error!.Message)}"));
    }

    public static async Task<IResult> ComposeAsync(IFormCollection form, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var command = NoticeCommand(k => form[k]);
        var composed = await ComposeNotice.HandleAsync(db, time, command, ct);
        return composed.IsSuccess
            ? Results.LocalRedirect(Invariant($"/notices/{composed.Value!.Id}"))
            : Results.LocalRedirect($"/notices/new?error={Escape(composed.Error!.Message)}");
    }

    /// <summary>The notice command from a form or query: <c>case</c> ids ticked, each with <c>order-{id}</c>.</summary>
    public static ComposeNotice.Command NoticeCommand(Func<string, StringValues> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var ids = form("case").Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null).OfType<long>()
            .Select((id, index) => (Id: id, Order: int.TryParse(form(Invariant($"order-{id}")), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 1000 + index))
            .OrderBy(x => x.Order).Select(x => x.Id).ToList();
        return new ComposeNotice.Command(form("title"), form("issuingBody"), Date(form("issuedOn")), form("opening"), form("closing"), ids);
    }

    private static SaveAccountabilityCase.Command CaseCommand(IFormCollection form)
    {
        var officials = new List<SaveAccountabilityCase.Official>();
        for (var i = 0; i < AccountabilityCase.MaxOfficials; i++)
        {
            var prefix = Invariant($"o{i}.");
            if (!form.ContainsKey(prefix + "name"))
            {
                break;
            }

            if (string.IsNullOrWhiteSpace(form[prefix + "name"]))
            {
                continue;
            }

            officials.Add(new SaveAccountabilityCase.Official(
                form[prefix + "name"], form[prefix + "unit"], form[prefix + "post"], form[prefix + "region"], form[prefix + "responsibility"],
                form[prefix + "note"], [.. form[prefix + "measures"].OfType<string>()]));
        }

        var findings = (form["findingIds"].ToString() ?? string.Empty)
            .Split([',', '，', '、', ' ', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1)
            .ToList();
        return new SaveAccountabilityCase.Command(
            form["region"], form["title"], form["facts"], form["consequence"], Date(form["incidentDate"]), form["incidentLinks"], officials, findings);
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string Escape(string? value) => Uri.EscapeDataString(value ?? string.Empty);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
