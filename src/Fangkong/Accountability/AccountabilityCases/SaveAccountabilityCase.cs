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
        string? Name, string? Unit, string? Post, string? Region, string? Responsibility, string? ResponsibilityNote, IReadOnlyList<string>? Measures);

    public sealed record Command(
        string? Region, string? Title, [MultiLine] string? Facts, [MultiLine] string? Consequence, DateOnly? IncidentDate, [MultiLine] string? IncidentLinks,
        IReadOnlyList<Official>? Officials, IReadOnlyList<long>? FindingIds);

    public sealed record Saved(long Id, AccountabilityStatus Status);

    public static async Task<Result<Saved>> CreateAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        var region = RegionCode.Normalise(command.Region);
        if (region is null || !await db.Regions.AnyAsync(r => r.Code == region, ct))
        {
            return Error.Invalid("region", $"区划「{command.Region}」不存在 (Region '{command.Region}' is not loaded).");
        }

        if (!db.Jurisdiction.Covers(region))
        {
            return Error.Forbidden($"区划 {region} 不在您的辖区内 (Region {region} is outside your jurisdiction).");
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
            return Error.Invalid("region", $"问责案件的区划不能更改 (The region of a case cannot change; it is {@case.RegionCode}).");
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
        Error.NotFound($"问责案件 {id} 不存在或不在您的辖区内 (Accountability case {id} was not found in your jurisdiction).");

    private static async Task<Error?> ApplyAsync(FangkongDbContext db, AccountabilityCase @case, Command command, DateTimeOffset now, CancellationToken ct)
    {
        var title = command.Title?.Trim() ?? string.Empty;
        if (title.Length is 0 or > AccountabilityCase.TitleMaxLength)
        {
            return Error.Invalid("title", $"请填写问题概述（不超过 {AccountabilityCase.TitleMaxLength} 字）(The problem needs 1 to {AccountabilityCase.TitleMaxLength} characters).");
        }

        var facts = command.Facts?.Trim() ?? string.Empty;
        if (facts.Length > AccountabilityCase.FactsMaxLength)
        {
            return Error.Invalid("facts", $"事实不超过 {AccountabilityCase.FactsMaxLength} 字 (The facts are at most {AccountabilityCase.FactsMaxLength} characters).");
        }

        var consequence = Optional(command.Consequence);
        if (consequence is { Length: > AccountabilityCase.ConsequenceMaxLength })
        {
            return Error.Invalid("consequence", $"后果不超过 {AccountabilityCase.ConsequenceMaxLength} 字 (The consequence is at most {AccountabilityCase.ConsequenceMaxLength} characters).");
        }

        var links = Optional(command.IncidentLinks);
        if (links is { Length: > AccountabilityCase.IncidentLinksMaxLength })
        {
            return Error.Invalid("incidentLinks", $"事件链接不超过 {AccountabilityCase.IncidentLinksMaxLength} 字 (Incident links are at most {AccountabilityCase.IncidentLinksMaxLength} characters).");
        }

        var inputs = command.Officials ?? [];
        if (inputs.Count > AccountabilityCase.MaxOfficials)
        {
            return Error.Invalid("officials", $"一案最多 {AccountabilityCase.MaxOfficials} 人 (At most {AccountabilityCase.MaxOfficials} officials in one case).");
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

        var findingIds = (command.FindingIds ?? []).Distinct().ToList();
        if (findingIds.Count > AccountabilityCase.MaxFindings)
        {
            return Error.Invalid("findingIds", $"最多关联 {AccountabilityCase.MaxFindings} 个问题 (At most {AccountabilityCase.MaxFindings} findings).");
        }

        if (await CaseFindings.MissingAsync(db, findingIds, ct) is { } missing)
        {
            return Error.Invalid("findingIds", $"问题 {missing} 不存在或不在您的辖区内 (Finding {missing} was not found in your jurisdiction).");
        }

        return @case.Edit(title, facts, consequence, command.IncidentDate, links, officials, findingIds, now);
    }

    private static Result<AccountableOfficial> MakeOfficial(Official input, int index)
    {
        var field = $"officials[{index}]";
        var name = input.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > AccountableOfficial.NameMaxLength)
        {
            return Error.Invalid($"{field}.name", $"第 {index + 1} 人：请填写姓名 (Official {index + 1}: a name of 1 to {AccountableOfficial.NameMaxLength} characters is needed).");
        }

        var unit = input.Unit?.Trim() ?? string.Empty;
        if (unit.Length is 0 or > AccountableOfficial.UnitMaxLength)
        {
            return Error.Invalid($"{field}.unit", $"{name}：请填写单位 (The unit of {name} is needed, at most {AccountableOfficial.UnitMaxLength} characters).");
        }

        var post = input.Post?.Trim() ?? string.Empty;
        if (post.Length > AccountableOfficial.PostMaxLength)
        {
            return Error.Invalid($"{field}.post", $"{name}：职务不超过 {AccountableOfficial.PostMaxLength} 字 (The post of {name} is at most {AccountableOfficial.PostMaxLength} characters).");
        }

        string? region = null;
        if (!string.IsNullOrWhiteSpace(input.Region) && (region = RegionCode.Normalise(input.Region)) is null)
        {
            return Error.Invalid($"{field}.region", $"{name}：区划「{input.Region}」无效 (The region '{input.Region}' of {name} is not a region code).");
        }

        if (!ResponsibilityKinds.TryParse(input.Responsibility, out var responsibility))
        {
            return Error.Invalid($"{field}.responsibility", $"{name}：责任类型「{input.Responsibility}」无效 (Unknown responsibility '{input.Responsibility}' for {name}).");
        }

        var note = Optional(input.ResponsibilityNote);
        if (note is { Length: > AccountableOfficial.NoteMaxLength })
        {
            return Error.Invalid($"{field}.responsibilityNote", $"{name}：责任说明不超过 {AccountableOfficial.NoteMaxLength} 字 (At most {AccountableOfficial.NoteMaxLength} characters).");
        }

        var measures = new List<SanctionMeasure>();
        foreach (var text in input.Measures ?? [])
        {
            if (!SanctionCatalogue.TryParse(text, out var measure))
            {
                return Error.Invalid($"{field}.measures", $"{name}：处理措施「{text}」不在目录中 (Measure '{text}' for {name} is not in the catalogue).");
            }

            measures.Add(measure);
        }

        // One person receives at most one party sanction and one government sanction: two would contradict each other.
        foreach (var family in new[] { SanctionFamily.PartyDiscipline, SanctionFamily.GovernmentSanction })
        {
            if (measures.Distinct().Count(m => SanctionCatalogue.Of(m).Family == family) > 1)
            {
                return Error.Invalid($"{field}.measures", $"{name}：同类处分只能选一种 (Only one {family} measure per person: {name}).");
            }
        }

        return new AccountableOfficial(name, unit, post, region, responsibility, note, measures);
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
