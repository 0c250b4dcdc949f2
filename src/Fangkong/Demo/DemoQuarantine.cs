using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Quarantine;
using Fangkong.Quarantine.Allocation;
using Fangkong.Quarantine.Sites;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Demo;

/// <summary>
/// The demo city's quarantine resources: hotels in 船营区 and its neighbours, a shelter hospital
/// (方舱) and a designated hospital; homes get positions (compounds and communities of 船营区,
/// spread deterministically around the district's centre); children among the week's close
/// contacts are declared with an adult of their household; then the allocation places the
/// contacts and cases and those who have arrived are checked in.
/// </summary>
public static class DemoQuarantine
{
    public const string Marker = "船营区隔离酒店一号";

    public sealed record Report(int Sites, int Rooms, int Beds, int Dependants, int Placed, int Unplaced, int CheckedIn, string Summary);

    private static readonly SaveSite.Command[] Sites =
    [
        new(Marker, "hotel", "220204", "船营区解放东路 88 号", 43.846, 126.538, 24, "李经理", "0432-62001001", 6, 20, 6, 3, 4),
        new("船营区隔离酒店二号", "hotel", "220204", "船营区北京路 120 号", 43.861, 126.521, 18, "周经理", "0432-62001002", 5, 20, 4, 3, 2),
        new("船营区集中隔离点（培训中心）", "other", "220204", "船营区越山路 15 号", 43.872, 126.503, 12, "吴主任", "0432-62001003", 4, 25, 0, 3, 2),
        new("昌邑区隔离酒店", "hotel", "220202", "昌邑区重庆街 301 号", 43.882, 126.572, 20, "郑经理", "0432-62001004", 6, 20, 4, 3, 2),
        new("丰满区隔离酒店", "hotel", "220211", "丰满区吉林大街 66 号", 43.805, 126.563, 16, "孙经理", "0432-62001005", 5, 20, 2, 3, 2),
        new("丰满区方舱医院", "shelter", "220211", "丰满区会展中心", 43.792, 126.575, 60, "钱院长", "0432-62001006", 10, 20),
        new("吉林市定点救治医院", "designated", "220202", "昌邑区松江东路 12 号", 43.889, 126.590, 80, "冯院长", "0432-62001007", 4, 25),
    ];

    public static async Task<Report?> SeedAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (await db.QuarantineSites.AnyAsync(s => s.Name == Marker, ct))
        {
            return null;
        }

        await LocateHomesAsync(db, ct);
        int rooms = 0, beds = 0;
        foreach (var site in Sites)
        {
            var saved = await SaveSite.HandleAsync(db, time, site, ct);
            var value = saved.Value ?? throw new InvalidOperationException(saved.Error!.Message);
            (rooms, beds) = value.Kind.HasRooms() ? (rooms + value.Spaces, beds) : (rooms, beds + value.Spaces);
        }

        var dependants = await DeclareChildrenAsync(db, time, ct);
        var run = await RunAllocation.HandleAsync(db, time, ct);
        var outcome = run.Value ?? throw new InvalidOperationException(run.Error!.Message);
        var checkedIn = await CheckInAsync(db, time, ct);
        return new Report(Sites.Length, rooms, beds, dependants, outcome.Placed, outcome.Unplaced, checkedIn, outcome.Summary);
    }

    /// <summary>Positions for 船营区's compounds and communities without one, spread over about 8 × 8 km around the district's centre.</summary>
    private static async Task LocateHomesAsync(FangkongDbContext db, CancellationToken ct)
    {
        var located = await db.Compounds.Where(c => c.RegionCode.StartsWith(DemoSetup.County) && c.Latitude == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Latitude, c => 43.815 + ((double)(c.Id % 97) * 0.0007))
                .SetProperty(c => c.Longitude, c => 126.49 + ((double)(c.Id % 89) * 0.0011)), ct);
        await db.AuditBulkAsync(Auditing.AuditActions.Update, nameof(Residences.Compound), $"demo: positions for {located} compounds of {DemoSetup.County}", ct);
        var communities = await db.Regions.Where(r => r.Code.StartsWith(DemoSetup.County) && r.Code.Length == 12 && r.Latitude == null).ToListAsync(ct);
        foreach (var region in communities)
        {
            var n = int.Parse(region.Code.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture);
            region.Locate(43.815 + (n % 97 * 0.0007), 126.49 + (n % 89 * 0.0011));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A close contact under 14 shares a room with the oldest close contact of the same household.</summary>
    private static async Task<int> DeclareChildrenAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = ChinaTime.Today(time);
        var rows = await (
            from c in db.Contacts.AsNoTracking()
            where c.Kind == ContactKind.Close && c.ReleasedOn == null
            join p in db.Persons on c.IdNumber equals p.DocumentNumber
            where p.HouseholdNo != null && p.BirthDate != null
            select new { c.Id, p.HouseholdNo, BirthDate = p.BirthDate!.Value }).ToListAsync(ct);
        var count = 0;
        foreach (var household in rows.GroupBy(r => r.HouseholdNo))
        {
            var adults = household.Where(r => r.BirthDate <= today.AddYears(-18)).OrderBy(r => r.BirthDate).ToList();
            if (adults.Count == 0)
            {
                continue;
            }

            foreach (var child in household.Where(r => r.BirthDate > today.AddYears(-14)))
            {
                var declared = await DeclareDependant.HandleAsync(db, time, new DeclareDependant.Command("CloseContact", child.Id, adults[0].Id, "Child"), ct);
                count += declared.IsSuccess && !declared.Value!.AlreadyDeclared ? 1 : 0;
            }
        }

        return count;
    }

    /// <summary>Everyone placed by the demo's run arrived two hours later.</summary>
    private static async Task<int> CheckInAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var at = time.GetUtcNow();
        var placements = await db.Placements.Where(p => p.State == PlacementState.Placed).ToListAsync(ct);
        var roomIds = placements.Where(p => p.RoomId != null).Select(p => p.RoomId!.Value).ToList();
        var bedIds = placements.Where(p => p.BedId != null).Select(p => p.BedId!.Value).ToList();
        var rooms = await db.QuarantineRooms.Where(r => EF.Parameter(roomIds).Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var beds = await db.HospitalBeds.Where(b => EF.Parameter(bedIds).Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var count = 0;
        foreach (var placement in placements)
        {
            Space space = placement.RoomId is { } room ? rooms[room] : beds[placement.BedId!.Value];
            if (placement.CheckIn(space, at) is null)
            {
                count++;
            }
        }

        await db.SaveChangesAsync(ct);
        return count;
    }
}
