namespace Fangkong.IntegrationTests.Authorization;

/// <summary>How the id-route suite finds the kind of record a route parameter names; no database.</summary>
public sealed class RecordKindsTests
{
    [Fact]
    public void RouteTo_CutsThePathAfterTheParameter_SoRoutesUnderARecordShareItsKind()
    {
        RecordKinds.RouteTo("/api/v1/cases/{id}/investigation/candidates/{candidateId}/confirm", "id").ShouldBe("/api/v1/cases/{id}");
        RecordKinds.RouteTo("/api/v1/cases/{id}/investigation/candidates/{candidateId}/confirm", "candidateId")
            .ShouldBe("/api/v1/cases/{id}/investigation/candidates/{candidateId}");
        RecordKinds.ByRoute[RecordKinds.RouteTo("/api/v1/cases/{id}/investigation/submit", "id")].Name.ShouldBe("case");
    }

    [Fact]
    public void ARouteNamingANewKindOfRecord_HasNoKind_SoTheSuiteFailsUntilOneIsAdded()
    {
        RecordKinds.ByRoute.ContainsKey(RecordKinds.RouteTo("/api/v1/vaccinations/{id}/approve", "id")).ShouldBeFalse();
        RecordKinds.NotRecords.ContainsKey(RecordKinds.RouteTo("/api/v1/vaccinations/{id}/approve", "id")).ShouldBeFalse();
    }

    [Fact]
    public void EveryKey_EndsWithItsParameter_AndNoRouteIsBothARecordAndNot()
    {
        foreach (var key in RecordKinds.ByRoute.Keys.Concat(RecordKinds.NotRecords.Keys))
        {
            key.ShouldEndWith("}");
        }

        RecordKinds.ByRoute.Keys.Intersect(RecordKinds.NotRecords.Keys).ShouldBeEmpty();
        RecordKinds.ByRoute.Values.Where(k => !k.Scoped).ShouldAllBe(k => !string.IsNullOrWhiteSpace(k.SharedBecause));
    }
}
