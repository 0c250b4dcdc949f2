using Fangkong.Areas;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.InfectionFree;

/// <summary>
/// The three steps of a label: the community applies, the township reviews, the county registers.
/// Each step is refused unless the caller works at that level (the length of its jurisdiction's
/// code) and the criteria hold on the day, checked from the data with the area criteria.
/// </summary>
public static class LabelSteps
{
    public sealed record Apply(string? Kind, long? CompoundId, string? Village);

    public sealed record Step(long Id, string Name, LabelKind Kind, LabelStatus Status);

    public static async Task<Result<Step>> ApplyAsync(FangkongDbContext db, TimeProvider time, Apply command, AreaCriteriaSettings? settings = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        settings ??= AreaCriteriaSettings.Default;
        if (LevelError(db, RegionLevel.Community, ErrorText.Of("error.infection-free.community-applies")) is { } wrongLevel)
        {
            return wrongLevel;
        }

        LabelKind kind;
        long? compoundId = null;
        string region, name;
        if (string.Equals(command.Kind, nameof(LabelKind.Village), StringComparison.OrdinalIgnoreCase) || command.Kind == "无疫乡村")
        {
            kind = LabelKind.Village;
            var code = RegionCode.Normalise(command.Village);
            var village = code is null ? null : await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code && r.Level == RegionLevel.Community, ct);
            if (village is null || !db.Jurisdiction.Covers(village.Code))
            {
                return Error.Invalid("village", ErrorText.Of("error.infection-free.village-not-registered-jurisdiction"));
            }

            (region, name) = (village.Code, village.Name);
        }
        else if (command.Kind is null || string.Equals(command.Kind, nameof(LabelKind.Compound), StringComparison.OrdinalIgnoreCase) || command.Kind == "无疫小区")
        {
            kind = LabelKind.Compound;
            var compound = command.CompoundId is { } id ? await db.Compounds.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) : null;
            if (compound is null)
            {
                return Error.Invalid("compoundId", ErrorText.Of("error.infection-free.compound-not-registered-jurisdiction"));
            }

            (compoundId, region, name) = (compound.Id, compound.RegionCode, compound.Name);
        }
        else
        {
            return Error.Invalid("kind", ErrorText.Of("error.infection-free.kind-compound-village", command.Kind));
        }

        var open = await db.InfectionFreeLabels.AnyAsync(
            l => l.Kind == kind && l.Status != LabelStatus.Removed && (kind == LabelKind.Compound ? l.CompoundId == compoundId : l.RegionCode == region), ct);
        if (open)
        {
            return Error.Conflict(ErrorText.Of("error.infection-free.already-open-registered-label", name));
        }

        var day = ChinaTime.Today(time);
        if (await CriteriaErrorAsync(db, kind, compoundId, region, day, settings, "申请", ct) is { } failed)
        {
            return failed;
        }

        var label = new InfectionFreeLabel(kind, compoundId, region, name, db.Jurisdiction.UserName, time.GetUtcNow());
        db.InfectionFreeLabels.Add(label);
        await db.SaveChangesAsync(ct);
        return new Step(label.Id, label.Name, label.Kind, label.Status);
    }

    public static Task<Result<Step>> ReviewAsync(FangkongDbContext db, TimeProvider time, long id, AreaCriteriaSettings? settings = null, CancellationToken ct = default) =>
        AdvanceAsync(db, time, id, RegionLevel.Township, ErrorText.Of("error.infection-free.township-reviews"), "审核", (l, by, at) => l.Review(by, at), settings, ct);

    public static Task<Result<Step>> RegisterAsync(FangkongDbContext db, TimeProvider time, long id, AreaCriteriaSettings? settings = null, CancellationToken ct = default) =>
        AdvanceAsync(db, time, id, RegionLevel.County, ErrorText.Of("error.infection-free.county-registers"), "备案", (l, by, at) => l.Register(by, at), settings, ct);

    private static async Task<Result<Step>> AdvanceAsync(
        FangkongDbContext db, TimeProvider time, long id, RegionLevel level, string who, string step,
        Func<InfectionFreeLabel, string, DateTimeOffset, Error?> advance, AreaCriteriaSettings? settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        settings ??= AreaCriteriaSettings.Default;
        if (LevelError(db, level, who) is { } wrongLevel)
        {
            return wrongLevel;
        }

        var label = await db.InfectionFreeLabels.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (label is null)
        {
            return Error.NotFound(ErrorText.Of("error.infection-free.label-does-not-exist-outside", id));
        }

        if (label.Status is LabelStatus.Removed or LabelStatus.Registered)
        {
            return Error.Conflict(ErrorText.Of("error.infection-free.label", label.Name, label.Status, id));
        }

        if (await CriteriaErrorAsync(db, label.Kind, label.CompoundId, label.RegionCode, ChinaTime.Today(time), settings, step, ct) is { } failed)
        {
            return failed;
        }

        if (advance(label, db.Jurisdiction.UserName, time.GetUtcNow()) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(ct);
        return new Step(label.Id, label.Name, label.Kind, label.Status);
    }

    private static Error? LevelError(FangkongDbContext db, RegionLevel level, string who) =>
        db.Jurisdiction.RegionPrefix.Length == (int)level
            ? null
            : Error.Forbidden(ErrorText.Of("error.infection-free.step-belongs-another-level", who));

    private static async Task<Error?> CriteriaErrorAsync(
        FangkongDbContext db, LabelKind kind, long? compoundId, string region, DateOnly day, AreaCriteriaSettings settings, string step, CancellationToken ct)
    {
        var criteria = await LabelCriteria.ForAsync(db, kind, compoundId, region, day, settings, ct);
        if (!criteria.IsSuccess)
        {
            return criteria.Error;
        }

        var failures = LabelCriteria.Failures(criteria.Value, settings);
        return failures.Count == 0
            ? null
            : Error.Invalid("criteria", ErrorText.Of("error.infection-free.criteria-do-not-hold", step).WithDetail(LabelCriteria.Describe(failures)));
    }
}
