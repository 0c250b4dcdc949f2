using Fangkong.Cases;
using Fangkong.Cases.Clusters;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Places;

namespace Fangkong.IntegrationTests.Cases.Clusters;

/// <summary>Cases, places and links for cluster tests, through the same use cases as the product.</summary>
internal static class ClusterTestData
{
    public static readonly DateOnly Day0 = new(2022, 3, 1);

    /// <summary>Imports asymptomatic cases: (case number, report date, identity number or empty, region).</summary>
    public static async Task CasesAsync(TestDatabase database, params (string No, DateOnly On, string IdNumber, string Region)[] cases)
    {
        await using var db = database.NewContext();
        var lines = cases.Select(c => $"{c.No},病例{c.No},{c.IdNumber},{c.Region},asymptomatic,,{c.On:yyyy-MM-dd},,,").ToArray();
        var result = await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write([LineListImportTests.Header, .. lines]));
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
    }

    public static Task CasesAsync(TestDatabase database, params (string No, DateOnly On)[] cases) =>
        CasesAsync(database, cases.Select(c => (c.No, c.On, string.Empty, WebTestData.Community)).ToArray());

    public static async Task<long> PlaceAsync(TestDatabase database, string name, PlaceKind kind, string region = WebTestData.Community, bool closedLoop = false)
    {
        await using var db = database.NewContext();
        var place = new Place(name, kind, region, isSupplyGuarantee: closedLoop);
        db.Places.Add(place);
        await db.SaveChangesAsync();
        return place.Id;
    }

    public static async Task LinkAsync(TestDatabase database, string caseNo, long placeId, DateOnly on)
    {
        await using var db = database.NewContext();
        var result = await RecordCaseLink.HandleAsync(db, new RecordCaseLink.Command(caseNo, placeId, null, on, "investigation"));
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
    }

    public static async Task<DetectClusters.Detected> DetectAsync(TestDatabase database, DateOnly asOf)
    {
        await using var db = database.NewContext();
        var result = await DetectClusters.HandleAsync(db, new DetectClusters.Command(asOf, ClusterSettings.Default));
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        return result.Value!;
    }
}
