using System.Globalization;
using Fangkong.Accountability;
using Fangkong.Web.Components.Kit;
using Microsoft.Extensions.Primitives;

namespace Fangkong.Web.Components.Pages;

/// <summary>
/// Reads the accountability pages' forms, whose officials are rows of fields and whose notice lists
/// ticked cases with their order: the pages post to themselves and build the use cases' commands here.
/// </summary>
public static class AccountabilityForms
{
    /// <summary>The notice command from a form or query: <c>case</c> ids ticked, each with <c>order-{id}</c>.</summary>
    public static ComposeNotice.Command NoticeCommand(Func<string, StringValues> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var ids = form("case").Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null).OfType<long>()
            .Select((id, index) => (Id: id, Order: int.TryParse(form(Invariant($"order-{id}")), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 1000 + index))
            .OrderBy(x => x.Order).Select(x => x.Id).ToList();
        return new ComposeNotice.Command(form("title"), form("issuingBody"), Date(form("issuedOn")), form("opening"), form("closing"), ids);
    }

    /// <summary>
    /// The case command from the case form: officials in rows <c>o{i}.name</c>, <c>o{i}.unit</c> …, the
    /// findings chosen (by name; each value an id, a typed list of ids also accepted). Every value passes
    /// the input guard as it is read; the page checks <see cref="PostedFields.Refused"/> before saving.
    /// </summary>
    public static SaveAccountabilityCase.Command CaseCommand(PostedFields form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var officials = new List<SaveAccountabilityCase.Official>();
        for (var i = 0; i < AccountabilityCase.MaxOfficials; i++)
        {
            var prefix = Invariant($"o{i}.");
            if (!form.Has(prefix + "name"))
            {
                break;
            }

            if (form.Text(prefix + "name") is not { } name || string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            officials.Add(new SaveAccountabilityCase.Official(
                name, form.Text(prefix + "unit"), form.Text(prefix + "post"), form.Text(prefix + "region"), form.Text(prefix + "responsibility"),
                form.Text(prefix + "note"), [.. form.All(prefix + "measures")], form.Text(prefix + "qualifier"),
                // The box says "leave the responsibility out"; unticked, the notice states it.
                StateResponsibility: !form.Has(prefix + "silent")));
        }

        var findings = form.All("findingIds")
            .SelectMany(v => v.Split([',', '，', '、', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
            .Select(t => long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1)
            .ToList();
        return new SaveAccountabilityCase.Command(
            form.Text("region"), form.Text("title"), form.Lines("facts"), form.Lines("consequence"), form.Day("incidentDate", happened: false),
            form.Lines("incidentLinks"), officials, findings, form.Lines("failings"), form.Has("nameFirstOnly"));
    }

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
