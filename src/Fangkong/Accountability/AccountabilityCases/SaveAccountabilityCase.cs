using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Accountability;

/// <summary>
/// Creates a draft accountability case, or replaces what a draft says (its officials included).
/// A decided case is refused: it is frozen. The region must be loaded and in the caller's jurisdiction.
/// </summary>
public static class SaveAccountabilityCase
{
    public sealed record Official(
        string? Name, string? Unit, string? Post, string? Region, string? Responsibility, string? ResponsibilityNote, IReadOnlyList<string>? Measures,
        string? Qualifier = null, bool? StateResponsibility = null);

    public sealed record Command(
        string? Region, string? Title, [MultiLine] string? Facts, [MultiLine] string? Consequence, DateOnly? IncidentDate, [MultiLine] string? IncidentLinks,
        IReadOnlyList<Official>? Officials, IReadOnlyList<long>? FindingIds, [MultiLine] string? Failings = null, bool? NameFirstOnly = null);

    public sealed record Saved(long Id, AccountabilityStatus Status);

    public static async Task<Result<Saved>> CreateAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        var region = RegionCode.Normalise(command.Region);
        if (region is null || !await db.Regions.AnyAsync(r => r.Code == region, ct))
        {
            return Error.Invalid("region", ErrorText.Of("error.accountability.region-not-loaded", command.Region));
        }

        if (!db.Jurisdiction.Covers(region))
        {
            return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction", region));
        }

        var now = time.GetUtcNow();
        var @case = new AccountabilityCase(region, db.Jurisdiction.UserName, now);
        var applied = await ApplyAsync(db, @case, command, now, ct);
        if (applied is not null)
        {
            return applied;
        }

        db.AccountabilityCases.Add(@case);
        await db.SaveChangesAsync(ct);
        return new Saved(@case.Id, @case.Status);
    }

    public static async Task<Result<Saved>> UpdateAsync(FangkongDbContext db, TimeProvider time, long id, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        var @case = await db.AccountabilityCases.Include(c => c.Officials).Include(c => c.Findings).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return NotFound(id);
        }

        // The region of a case does not move; a region in the command must be the case's own.
        if (!string.IsNullOrWhiteSpace(command.Region) && RegionCode.Normalise(command.Region) != @case.RegionCode)
        {
            return Error.Invalid("region", ErrorText.Of("error.accountability.region-case-cannot-change", @case.RegionCode));
        }

        var applied = await ApplyAsync(db, @case, command, time.GetUtcNow(), ct);
        if (applied is not null)
        {
            return applied;
        }

        await db.SaveChangesAsync(ct);
        return new Saved(@case.Id, @case.Status);
    }

    internal static Error NotFound(long id) =>
        Error.NotFound(ErrorText.Of("error.accountability.accountability-case-not-found-jurisdiction", id));

    private static async Task<Error?> ApplyAsync(FangkongDbContext db, AccountabilityCase @case, Command command, DateTimeOffset now, CancellationToken ct)
    {
        var title = command.Title?.Trim() ?? string.Empty;
        if (title.Length is 0 or > AccountabilityCase.TitleMaxLength)
        {
            return Error.Invalid("title", ErrorText.Of("error.accountability.problem-needs-characters", AccountabilityCase.TitleMaxLength));
        }

        var facts = command.Facts?.Trim() ?? string.Empty;
        if (facts.Length > AccountabilityCase.FactsMaxLength)
        {
            return Error.Invalid("facts", ErrorText.Of("error.accountability.facts-most-characters", AccountabilityCase.FactsMaxLength));
        }

        var consequence = Optional(command.Consequence);
        if (consequence is { Length: > AccountabilityCase.ConsequenceMaxLength })
        {
            return Error.Invalid("consequence", ErrorText.Of("error.accountability.consequence-most-characters", AccountabilityCase.ConsequenceMaxLength));
        }

        var failings = Optional(command.Failings);
        if (failings is { Length: > AccountabilityCase.FailingsMaxLength })
        {
            return Error.Invalid("failings", ErrorText.Of("error.accountability.failings-most-characters", AccountabilityCase.FailingsMaxLength));
        }

        var links = Optional(command.IncidentLinks);
        if (links is { Length: > AccountabilityCase.IncidentLinksMaxLength })
        {
            return Error.Invalid("incidentLinks", ErrorText.Of("error.accountability.incident-links-most-characters", AccountabilityCase.IncidentLinksMaxLength));
        }

        var inputs = command.Officials ?? [];
        if (inputs.Count > AccountabilityCase.MaxOfficials)
        {
            return Error.Invalid("officials", ErrorText.Of("error.accountability.most-officials-one-case", AccountabilityCase.MaxOfficials));
        }

        var officials = new List<AccountableOfficial>(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            var made = MakeOfficial(inputs[i], i);
            if (!made.IsSuccess)
            {
                return made.Error;
            }

            officials.Add(made.Value!);
        }

        if (PublishableText.Check(title, facts, consequence, officials) is { } unpublishable)
        {
            return unpublishable;
        }

        var findingIds = (command.FindingIds ?? []).Distinct().ToList();
        if (findingIds.Count > AccountabilityCase.MaxFindings)
        {
            return Error.Invalid("findingIds", ErrorText.Of("error.accountability.most-findings", AccountabilityCase.MaxFindings));
        }

        if (await CaseFindings.MissingAsync(db, findingIds, ct) is { } missing)
        {
            return Error.Invalid("findingIds", ErrorText.Of("error.accountability.finding-not-found-jurisdiction", missing));
        }

        return @case.Edit(title, facts, consequence, command.IncidentDate, links, officials, findingIds, now, failings, command.NameFirstOnly ?? false);
    }

    private static Result<AccountableOfficial> MakeOfficial(Official input, int index)
    {
        var field = $"officials[{index}]";
        var name = input.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > AccountableOfficial.NameMaxLength)
        {
            return Error.Invalid($"{field}.name", ErrorText.Of("error.accountability.official-name-characters-needed", index + 1, AccountableOfficial.NameMaxLength));
        }

        var unit = input.Unit?.Trim() ?? string.Empty;
        if (unit.Length is 0 or > AccountableOfficial.UnitMaxLength)
        {
            return Error.Invalid($"{field}.unit", ErrorText.Of("error.accountability.unit-needed-most-characters", name, AccountableOfficial.UnitMaxLength));
        }

        var post = input.Post?.Trim() ?? string.Empty;
        if (post.Length > AccountableOfficial.PostMaxLength)
        {
            return Error.Invalid($"{field}.post", ErrorText.Of("error.accountability.post-most-characters", name, AccountableOfficial.PostMaxLength));
        }

        string? region = null;
        if (!string.IsNullOrWhiteSpace(input.Region) && (region = RegionCode.Normalise(input.Region)) is null)
        {
            return Error.Invalid($"{field}.region", ErrorText.Of("error.accountability.region-not-region-code", name, input.Region));
        }

        if (!ResponsibilityKinds.TryParse(input.Responsibility, out var responsibility))
        {
            return Error.Invalid($"{field}.responsibility", ErrorText.Of("error.accountability.unknown-responsibility", name, input.Responsibility));
        }

        var note = Optional(input.ResponsibilityNote);
        if (note is { Length: > AccountableOfficial.NoteMaxLength })
        {
            return Error.Invalid($"{field}.responsibilityNote", ErrorText.Of("error.accountability.most-characters", name, AccountableOfficial.NoteMaxLength));
        }

        var qualifier = Optional(input.Qualifier);
        if (qualifier is { Length: > AccountableOfficial.QualifierMaxLength })
        {
            return Error.Invalid($"{field}.qualifier", ErrorText.Of("error.accountability.qualifier-most-characters", name, AccountableOfficial.QualifierMaxLength));
        }

        // The qualifier stands between the name and "负有": a name or "负有" typed into it would print twice.
        if (qualifier is not null && (qualifier.Contains(name, StringComparison.Ordinal) || qualifier.Contains("负有", StringComparison.Ordinal)))
        {
            return Error.Invalid($"{field}.qualifier", ErrorText.Of("error.accountability.qualifier-names-only-the-role", name));
        }

        var measures = new List<SanctionMeasure>();
        foreach (var text in input.Measures ?? [])
        {
            if (!SanctionCatalogue.TryParse(text, out var measure))
            {
                return Error.Invalid($"{field}.measures", ErrorText.Of("error.accountability.measure-not-catalogue", name, text));
            }

            measures.Add(measure);
        }

        // One person receives at most one party sanction, and at most one sanction from the employer side:
        // 政务处分 and the unit's own 处分 are two routes for the same misconduct, never both.
        foreach (var families in new[] { new[] { SanctionFamily.PartyDiscipline }, [SanctionFamily.GovernmentSanction, SanctionFamily.UnitSanction] })
        {
            if (measures.Distinct().Count(m => families.Contains(SanctionCatalogue.Of(m).Family)) > 1)
            {
                return Error.Invalid($"{field}.measures", ErrorText.Of("error.accountability.only-one-measure-per-person", name, string.Join('/', families)));
            }
        }

        return new AccountableOfficial(name, unit, post, region, responsibility, note, measures, qualifier, input.StateResponsibility ?? true);
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
