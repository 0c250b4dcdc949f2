using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Demo;

/// <summary>
/// Who the demo's cases and contacts are: residents of the register, taken in a fixed order from
/// a spread of 船营区's communities (outside 大东街道, whose people the testing round handles) and
/// from the nursing home's community, one household per case, no one twice.
/// </summary>
internal sealed class DemoCasePeople
{
    /// <summary>The community of 康乐养老院 (向阳街道).</summary>
    public const string NursingHomeCommunity = "220204005001";

    private const int Sample = 300;
    private const int Spread = 10;

    private readonly List<string> _communities;
    private readonly Dictionary<string, List<Resident>> _samples = new(StringComparer.Ordinal);
    private readonly HashSet<long> _used = [];
    private readonly HashSet<(string Region, string? HouseholdNo)> _households = [];
    private int _next;

    private DemoCasePeople(List<string> communities)
    {
        _communities = communities;
    }

    public enum Pick
    {
        Community,
        Eldest,
        Staff,
    }

    public sealed record Resident(long Id, string Name, string IdNumber, string RegionCode, string? HouseholdNo, DateOnly? BirthDate);

    public static async Task<DemoCasePeople?> LoadAsync(FangkongDbContext db, CancellationToken ct)
    {
        var all = await db.Regions.AsNoTracking()
            .Where(r => r.Code.StartsWith(DemoSetup.County) && r.Level == RegionLevel.Community && !r.Code.StartsWith(DemoTesting.Street) && r.Code != NursingHomeCommunity)
            .OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(ct);
        if (all.Count == 0 || !await db.Persons.AnyAsync(p => p.RegionCode.StartsWith(DemoSetup.County), ct))
        {
            return null;
        }

        // Every community in turn would crowd the first streets: take a fixed spread across the county, then the rest.
        var step = Math.Max(1, all.Count / Spread);
        var spread = Enumerable.Range(0, Math.Min(Spread, all.Count)).Select(i => all[i * step]).ToList();
        return new DemoCasePeople(spread.Concat(all.Except(spread)).ToList());
    }

    /// <summary>The next case's resident: in the next community of the spread, or in the nursing home's community.</summary>
    public Resident Next(Pick pick) => pick == Pick.Community ? NextInCommunity() : NextInNursingHome(pick);

    public async Task<Resident?> ResidentAsync(FangkongDbContext db, string idNumber, CancellationToken ct)
    {
        var resident = await db.Persons.AsNoTracking().Where(p => p.DocumentNumber == idNumber).OrderBy(p => p.Id)
            .Select(p => new Resident(p.Id, p.Name, p.DocumentNumber, p.RegionCode, p.HouseholdNo, p.BirthDate)).FirstOrDefaultAsync(ct);
        if (resident is not null)
        {
            _used.Add(resident.Id);
            _households.Add((resident.RegionCode, resident.HouseholdNo ?? $"#{resident.Id}"));
        }

        return resident;
    }

    /// <summary>The other members of the resident's household not yet taken.</summary>
    public async Task<List<Resident>> HouseholdAsync(FangkongDbContext db, Resident resident, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(resident.HouseholdNo))
        {
            return [];
        }

        var members = await db.Persons.AsNoTracking()
            .Where(p => p.RegionCode == resident.RegionCode && p.HouseholdNo == resident.HouseholdNo && p.Id != resident.Id)
            .OrderBy(p => p.Id)
            .Select(p => new Resident(p.Id, p.Name, p.DocumentNumber, p.RegionCode, p.HouseholdNo, p.BirthDate))
            .ToListAsync(ct);
        return members.Where(m => _used.Add(m.Id)).ToList();
    }

    /// <summary>Up to <paramref name="count"/> people of a neighbouring household in the resident's community.</summary>
    public async Task<List<Resident>> NeighboursAsync(FangkongDbContext db, Resident resident, int count, CancellationToken ct)
    {
        var sample = await SampleAsync(db, resident.RegionCode, ct);
        var household = sample.Where(r => !_used.Contains(r.Id) && !_households.Contains((r.RegionCode, r.HouseholdNo))).GroupBy(r => r.HouseholdNo).FirstOrDefault();
        if (household is null)
        {
            return [];
        }

        _households.Add((resident.RegionCode, household.Key));
        var taken = household.Take(count).ToList();
        taken.ForEach(r => _used.Add(r.Id));
        return taken;
    }

    /// <summary>Loads the samples of the communities the cases will need (one query each).</summary>
    public async Task PrepareAsync(FangkongDbContext db, int communities, CancellationToken ct)
    {
        await SampleAsync(db, NursingHomeCommunity, ct);
        foreach (var code in _communities)
        {
            if (_samples.Count(s => s.Value.Count > 0 && s.Key != NursingHomeCommunity) >= communities)
            {
                break;
            }

            await SampleAsync(db, code, ct);
        }
    }

    private Resident NextInCommunity()
    {
        var loaded = _communities.Where(c => _samples.TryGetValue(c, out var s) && s.Count > 0).ToList();
        for (var tries = 0; tries < loaded.Count; tries++)
        {
            var code = loaded[_next++ % loaded.Count];
            if (Head(_samples[code], _ => true) is { } head)
            {
                return head;
            }
        }

        throw new InvalidOperationException("The demo population has too few residents for the demo's cases.");
    }

    private Resident NextInNursingHome(Pick pick)
    {
        var sample = _samples.GetValueOrDefault(NursingHomeCommunity) ?? [];
        var ordered = pick == Pick.Eldest
            ? sample.OrderBy(r => r.BirthDate ?? DateOnly.MaxValue).ThenBy(r => r.Id).ToList()
            : sample.Where(r => r.BirthDate is { Year: >= 1967 and <= 1992 }).ToList();
        return Head(ordered, _ => true) ?? NextInCommunity();
    }

    /// <summary>The first resident whose household is untouched; the whole household is then reserved for the case and its contacts.</summary>
    private Resident? Head(List<Resident> candidates, Func<Resident, bool> fits)
    {
        foreach (var candidate in candidates.Where(fits))
        {
            if (_used.Contains(candidate.Id) || !_households.Add((candidate.RegionCode, candidate.HouseholdNo ?? $"#{candidate.Id}")))
            {
                continue;
            }

            _used.Add(candidate.Id);
            return candidate;
        }

        return null;
    }

    private async Task<List<Resident>> SampleAsync(FangkongDbContext db, string code, CancellationToken ct)
    {
        if (!_samples.TryGetValue(code, out var sample))
        {
            sample = await db.Persons.AsNoTracking().Where(p => p.RegionCode == code)
                .OrderBy(p => p.HouseholdNo).ThenBy(p => p.Id).Take(Sample)
                .Select(p => new Resident(p.Id, p.Name, p.DocumentNumber, p.RegionCode, p.HouseholdNo, p.BirthDate))
                .ToListAsync(ct);
            _samples[code] = sample;
        }

        return sample;
    }
}
