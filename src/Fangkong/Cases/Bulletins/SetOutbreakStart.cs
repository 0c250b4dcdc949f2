using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases.Bulletins;

/// <summary>
/// Sets (or clears) the first day of 本次疫情 for a province, city or county: its bulletins count
/// the cumulative contacts and recoveries from that day, and so do those of the regions below it
/// that have none of their own. Jilin province's 2022 wave starts on 2022-02-28 (its first
/// positive, 珲春), Jilin City's on 2022-03-02. Audited like every change of a region.
/// </summary>
public static class SetOutbreakStart
{
    /// <summary>
    /// The field a refused date is named by: the JSON body's own name, as the web's input guard
    /// names it (a date far in the future or the past is refused there, before this handler).
    /// </summary>
    public const string StartsOnField = "startsOn";

    public sealed record Command(string? Region, DateOnly? StartsOn);

    public sealed record OutbreakStart(string RegionCode, string Name, DateOnly? StartsOn);

    public static async Task<Result<OutbreakStart>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        if (!RegionCode.TryParse(command.Region, out var code) || code.Level > RegionLevel.County)
        {
            return Error.Invalid("region", ErrorText.Of("error.cases.code-province-city-county", command.Region));
        }

        if (!db.Jurisdiction.Covers(code.Value))
        {
            return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction-2", code.Value));
        }

        if (command.StartsOn is { } start && start > ChinaTime.Today(time))
        {
            return Error.Invalid(StartsOnField, ErrorText.Of("error.bulletins.outbreak-start-future", start));
        }

        var region = await db.Regions.FirstOrDefaultAsync(r => r.Code == code.Value, ct);
        if (region is null)
        {
            return Error.NotFound(ErrorText.Of("error.cases.region-does-not-exist", code.Value));
        }

        region.SetOutbreakStart(command.StartsOn);
        await db.SaveChangesAsync(ct);
        return new OutbreakStart(region.Code, RegionShortNames.Of(region.Name, region.ShortName), region.OutbreakStartsOn);
    }
}
