using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.Quarantine;

namespace Fangkong.IntegrationTests.Quarantine;

/// <summary>Builds quarantine sites, floors, rooms and beds for tests, saved through the model's own factories.</summary>
internal static class QuarantineWorld
{
    public static readonly DateTimeOffset T0 = new(2022, 3, 20, 8, 0, 0, TimeSpan.FromHours(8));

    /// <summary>A site with <paramref name="floors"/> floors (or care units / wards) of <paramref name="perFloor"/> single rooms (or beds).</summary>
    public static async Task<QuarantineSite> SiteAsync(
        FangkongDbContext db, string name, SiteKind kind = SiteKind.Hotel, string region = "220204", double lat = 43.84, double lon = 126.55,
        int floors = 1, int perFloor = 2, RoomKind roomKind = RoomKind.Single, int capacity = 1)
    {
        var site = QuarantineSite.Create(new QuarantineSite.Details(name, kind, region, "测试路1号", lat, lon, 10, "王经理", "0432-1234567")).Value!;
        db.QuarantineSites.Add(site);
        await db.SaveChangesAsync();
        for (var f = 1; f <= floors; f++)
        {
            var section = SiteSection.Create(site, f, null).Value!;
            db.SiteSections.Add(section);
            await db.SaveChangesAsync();
            for (var r = 1; r <= perFloor; r++)
            {
                var number = $"{f:00}{r:00}";
                if (kind.HasRooms())
                {
                    db.QuarantineRooms.Add(QuarantineRoom.Create(site, section, number, roomKind, capacity, T0.AddDays(-1)).Value!);
                }
                else
                {
                    db.HospitalBeds.Add(HospitalBed.Create(site, section, number, T0.AddDays(-1)).Value!);
                }
            }

            await db.SaveChangesAsync();
        }

        return site;
    }

    public static PlacementSubject Contact(long contactId, OccupantKind kind = OccupantKind.CloseContact, string region = "220204003001") =>
        new(kind, null, contactId, null, $"密接{contactId}", region, null, T0.AddHours(-6));

    public static PlacementSubject CaseOf(long caseId, Severity? severity, string region = "220204003001") =>
        new(OccupantKind.Case, null, null, caseId, $"病例{caseId}", region, severity, T0.AddHours(-3));
}
