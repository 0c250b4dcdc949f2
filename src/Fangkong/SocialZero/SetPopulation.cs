using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.SocialZero;

/// <summary>Sets the population of a city or county (from the statistics) for the social-zero rate.</summary>
public static class SetPopulation
{
    public sealed record Command(string? Region, long? Population);

    public sealed record Set(string RegionCode, long Population);

    public static async Task<Result<Set>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        var code = Regions.RegionCode.Normalise(command.Region);
        if (code is null || code.Length is not (4 or 6))
        {
            return Error.Invalid("region", ErrorText.Of("error.social-zero.not-code-city-county", command.Region));
        }

        if (command.Population is not (> 0 and < 100_000_000))
        {
            return Error.Invalid("population", ErrorText.Of("error.social-zero.population-positive-number-below-million"));
        }

        if (!db.Jurisdiction.Covers(code))
        {
            return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction", code));
        }

        if (!await db.Regions.AnyAsync(r => r.Code == code, ct))
        {
            return Error.Invalid("region", ErrorText.Of("error.testing.region-not-registry", code));
        }

        var row = await db.RegionPopulations.FirstOrDefaultAsync(p => p.RegionCode == code, ct);
        if (row is null)
        {
            db.RegionPopulations.Add(new RegionPopulation(code, command.Population.Value, time.GetUtcNow()));
        }
        else if (row.Population != command.Population)
        {
            row.Change(command.Population.Value, time.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        return new Set(code, command.Population.Value);
    }
}
