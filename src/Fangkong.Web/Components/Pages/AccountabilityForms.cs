using System.Globalization;
using System.Text.RegularExpressions;
using Fangkong.Accountability;
using Fangkong.Common;
using Fangkong.Web.Components.Kit;
using Microsoft.Extensions.Primitives;

namespace Fangkong.Web.Components.Pages;

/// <summary>
/// Reads the accountability pages' forms, whose officials are rows of fields and whose notice lists
/// ticked cases with their order: the pages post to themselves and build the use cases' commands here.
/// </summary>
public static partial class AccountabilityForms
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

    /// <summary>
    /// The use case names an official's field by its place among the officials given
    /// (<c>officials[1].unit</c>); the form's rows skip blank ones, so the message goes under the row the
    /// user typed it in (<c>o2.unit</c>). Other errors are returned as they are.
    /// </summary>
    public static Error OnRows(Error error, PostedFields form)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(form);
        if (error.Field is not { } field || OfficialField().Match(field) is not { Success: true } match)
        {
            return error;
        }

        var rows = OfficialRows(form);
        var index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var name = match.Groups[2].Value == "responsibilityNote" ? "note" : match.Groups[2].Value;
        return index < rows.Count ? error with { Field = Invariant($"o{rows[index]}.{name}") } : error;
    }

    /// <summary>The form's rows that name an official, in order: the rows <see cref="CaseCommand"/> reads.</summary>
    private static List<int> OfficialRows(PostedFields form)
    {
        var rows = new List<int>();
        for (var i = 0; i < AccountabilityCase.MaxOfficials && form.Has(Invariant($"o{i}.name")); i++)
        {
            if (!string.IsNullOrWhiteSpace(form.Values(Invariant($"o{i}.name")).ToString()))
            {
                rows.Add(i);
            }
        }

        return rows;
    }

    [GeneratedRegex(@"^officials\[(\d+)\]\.(\w+)$")]
    private static partial Regex OfficialField();

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
