using Fangkong.Access;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Authorization;

/// <summary>
/// What each record id of the API's routes names, and where the suite finds one of it in
/// <see cref="RecordFixtures"/>' data. A route parameter is looked up by the route up to and
/// including it (<c>/api/v1/cases/{id}</c> for every route under a case), so a new route under a
/// known record needs nothing, and a route naming a new kind of record fails the suite until its
/// kind is added here (and seeded).
/// </summary>
internal static class RecordKinds
{
    /// <param name="Scoped">
    /// Whether the record belongs to a jurisdiction (a caller of another county must be refused);
    /// false only for records every jurisdiction shares, with the reason in <paramref name="SharedBecause"/>.
    /// </param>
    internal sealed record Kind(string Name, Func<FangkongDbContext, Task<long?>> Find, bool Scoped = true, string? SharedBecause = null);

    /// <summary>Route parameters that name no record, with why the id-route suite leaves them alone.</summary>
    public static IReadOnlyDictionary<string, string> NotRecords { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/api/v1/regions/{code}"] = "a region code: the main suite calls it inside and outside the jurisdiction",
        ["/api/v1/notices/{id}/notice.{format}"] = "a file format (txt, html), not a record",
        ["/api/v1/checklists/{key}"] = "the key of a checklist template: templates are the province's, shared by every jurisdiction",
    };

    /// <summary>
    /// Bodies that pass validation, for operations that check their body before they look the record
    /// up: with the suite's empty body they would answer 400 inside and outside alike, and the
    /// jurisdiction check would go untried.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Bodies { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["POST /api/v1/accountability/cases/{id}/decide"] = """{"decidingBody":"授权套件","decidedOn":"2026-12-01"}""",
        ["POST /api/v1/passes/{id}/reject"] = """{"note":"授权套件"}""",
        ["POST /api/v1/passes/{id}/revoke"] = """{"note":"授权套件"}""",
        ["PUT /api/v1/persons/{id}/health-code"] = """{"healthCode":"Yellow"}""",
        ["POST /api/v1/checkpoints/{id}/scans"] = """{"scans":[{"clientId":"suite-scan-1","token":"FKP1.forged.token","scannedAt":"{now}"}]}""",
        ["POST /api/v1/findings/{id}/verify"] = """{"reviewId":1}""",
        ["POST /api/v1/requests/{id}/assign"] = """{"assignee":"授权套件"}""",
        ["POST /api/v1/requests/{id}/resolve"] = """{"value":"授权套件"}""",
        ["POST /api/v1/requests/{id}/return"] = """{"value":"授权套件"}""",
        ["POST /api/v1/requests/{id}/place"] = """{"regionCode":"220204003001"}""",
        ["POST /api/v1/medical-trips/{id}/steps"] = """{"step":"release"}""",
        ["POST /api/v1/testing/rounds/{id}/scans"] = """{"scans":[{"clientId":"suite-swab-1","tubeBarcode":"SUITE0001","idNumber":"x","sampledAt":"{now}","samplingPoint":"授权套件"}]}""",
    };

    /// <summary>A body with its <c>{now}</c> (a time just past, for fields that refuse the future) filled in.</summary>
    public static string Body(string template) =>
        template.Replace("{now}", DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>
    /// Operations whose body (an uploaded file) the suite does not build: they refuse it as invalid
    /// before they look the record up. Outside, a 400 is accepted only when the same role got the
    /// same 400 inside: the answer then says nothing about the record (docs/audit-and-authorization.md).
    /// </summary>
    public static IReadOnlySet<string> ValidatedFirst { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "POST /api/v1/findings/{id}/evidence",
    };

    /// <summary>
    /// Roles the permission table lets through whom the use case still refuses (403 with a reason)
    /// on a record inside their jurisdiction, by design: operation → roles, with why.
    /// </summary>
    public static IReadOnlyDictionary<string, (string[] Roles, string Why)> RefusedByDesign { get; } = new Dictionary<string, (string[], string)>(StringComparer.Ordinal)
    {
        ["GET /api/v1/testing/rounds/{id}/not-sampled"] = ([Roles.LabStaff, Roles.Inspector], "least data: the list gives names and addresses, which these roles do not need (issue 14 item 9)"),
        ["GET /api/v1/testing/rounds/{id}/not-sampled/export"] = ([Roles.LabStaff, Roles.Inspector], "least data: the list gives names and addresses, which these roles do not need (issue 14 item 9)"),
        ["POST /api/v1/infection-free/{id}/review"] = ([Roles.CountyWorker, Roles.CommunityWorker], "the review is the street's (乡镇街道) step"),
        ["POST /api/v1/inspections/{id}/start"] = ([Roles.CommandCentre, Roles.Inspector], "only the inspectors the inspection names may conduct it"),
        ["POST /api/v1/inspections/{id}/results"] = ([Roles.CommandCentre, Roles.Inspector], "only the inspectors the inspection names may conduct it"),
        ["POST /api/v1/inspections/{id}/complete"] = ([Roles.CommandCentre, Roles.Inspector], "only the inspectors the inspection names may conduct it"),
        ["POST /api/v1/findings/{id}/verify"] = ([Roles.CommandCentre, Roles.Inspector], "only the inspectors of the review (回头看) may verify its findings"),
    };

    private static readonly Kind Case = new("case", CaseWithCandidateAsync);
    private static readonly Kind Person = new("person", Scoped<global::Fangkong.Persons.Person>);
    private static readonly Kind Round = new("testing round", RoundAsync);

    /// <summary>Route up to its record parameter → the kind of record.</summary>
    public static IReadOnlyDictionary<string, Kind> ByRoute { get; } = new Dictionary<string, Kind>(StringComparer.Ordinal)
    {
        ["/api/v1/accountability/cases/{id}"] = new("accountability case", Scoped<global::Fangkong.Accountability.AccountabilityCase>),
        ["/api/v1/areas/proposals/{id}"] = new("area proposal", Scoped<global::Fangkong.Areas.AreaProposal>),
        ["/api/v1/bulletins/{id}"] = new("published bulletin", Scoped<global::Fangkong.Cases.Bulletins.PublishedBulletin>),
        ["/api/v1/cases/{id}"] = Case,
        ["/api/v1/cases/{id}/investigation/candidates/{candidateId}"] = new("contact candidate", CandidateAsync),
        ["/api/v1/checklists/{id}"] = new("checklist template", ChecklistAsync, Scoped: false,
            SharedBecause: "checklist templates are the province's standard, the same for every jurisdiction"),
        ["/api/v1/checkpoints/{id}"] = new("checkpoint", Scoped<global::Fangkong.Passes.Checkpoint>),
        ["/api/v1/closed-loops/{id}"] = new("closed-loop group", Scoped<global::Fangkong.ClosedLoop.ClosedLoopGroup>),
        ["/api/v1/clusters/{id}"] = new("cluster", Scoped<global::Fangkong.Cases.Clusters.Cluster>),
        ["/api/v1/evidence/{id}"] = new("evidence file", Scoped<global::Fangkong.Supervision.Findings.EvidenceFile>),
        ["/api/v1/findings/{id}"] = new("finding", Scoped<global::Fangkong.Supervision.Findings.Finding>),
        ["/api/v1/home-monitoring/{id}"] = new("home watch", Scoped<global::Fangkong.Quarantine.HomeMonitoring.HomeWatch>),
        ["/api/v1/infection-free/{id}"] = new("infection-free label", Scoped<global::Fangkong.InfectionFree.InfectionFreeLabel>),
        ["/api/v1/inspections/{id}"] = new("inspection", Scoped<global::Fangkong.Supervision.Inspections.Inspection>),
        ["/api/v1/medical-trips/{id}"] = new("medical trip", Scoped<global::Fangkong.Livelihood.Medical.MedicalTrip>),
        ["/api/v1/requests/{id}"] = new("resident request", Scoped<global::Fangkong.Livelihood.Requests.ResidentRequest>),
        ["/api/v1/notices/{id}"] = new("public notice", Scoped<global::Fangkong.Accountability.PublicNotice>),
        ["/api/v1/passes/{id}"] = new("pass", Scoped<global::Fangkong.Passes.Pass>),
        ["/api/v1/persons/{id}"] = Person,
        ["/api/v1/stay/placements/{id}"] = new("placement", Scoped<global::Fangkong.Quarantine.Placement>),
        ["/api/v1/stay/rounds/{id}"] = Round,
        ["/api/v1/supervision/notices/{id}"] = new("escalation notice", Scoped<global::Fangkong.Supervision.Findings.EscalationNotice>),
        ["/api/v1/supervision/officials/{id}"] = new("official", Scoped<global::Fangkong.Organisations.Official>),
        ["/api/v1/testing/alerts/{id}"] = new("community alert", Scoped<global::Fangkong.Testing.CommunityAlert>),
        ["/api/v1/testing/rounds/{id}"] = Round,
        ["/api/v1/testing/rounds/{id}/exemptions/{personId}"] = Person,
        ["/api/v1/transfers/batches/{id}"] = new("transfer batch", Scoped<global::Fangkong.Quarantine.Transfers.TransferBatch>),
        ["/api/v1/transfers/vehicles/{id}"] = new("vehicle", Scoped<global::Fangkong.Quarantine.Transfers.Vehicle>),
    };

    /// <summary>The route up to and including the parameter: the key of <see cref="ByRoute"/> and <see cref="NotRecords"/>.</summary>
    public static string RouteTo(string path, string parameter)
    {
        var placeholder = "{" + parameter + "}";
        var end = path.IndexOf(placeholder, StringComparison.Ordinal) + placeholder.Length;
        return path[..end];
    }

    /// <summary>The first record of <typeparamref name="T"/> in the fixtures' county.</summary>
    private static Task<long?> Scoped<T>(FangkongDbContext db)
        where T : class, IRegionScoped =>
        db.Set<T>().AsNoTracking().Where(e => e.RegionCode.StartsWith(RecordFixtures.Inside))
            .OrderBy(e => EF.Property<long>(e, "Id")).Select(e => (long?)EF.Property<long>(e, "Id")).FirstOrDefaultAsync();

    /// <summary>A round of the county or below (a city-wide round concerns the other county too).</summary>
    private static Task<long?> RoundAsync(FangkongDbContext db) =>
        db.TestingRounds.AsNoTracking().Where(r => r.RegionCode.StartsWith(RecordFixtures.Inside))
            .OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync();

    private static Task<long?> ChecklistAsync(FangkongDbContext db) =>
        db.ChecklistTemplates.AsNoTracking().OrderBy(t => t.Id).Select(t => (long?)t.Id).FirstOrDefaultAsync();

    /// <summary>The case whose investigation has the fixture's contact candidate, so that every route under a case finds all it needs.</summary>
    private static Task<long?> CaseWithCandidateAsync(FangkongDbContext db) =>
        db.Investigations.AsNoTracking()
            .Where(i => i.RegionCode.StartsWith(RecordFixtures.Inside) && db.ContactCandidates.Any(c => c.InvestigationId == i.Id))
            .OrderBy(i => i.CaseId).Select(i => (long?)i.CaseId).FirstOrDefaultAsync();

    private static async Task<long?> CandidateAsync(FangkongDbContext db)
    {
        var caseId = await CaseWithCandidateAsync(db);
        return await db.ContactCandidates.AsNoTracking()
            .Where(c => db.Investigations.Any(i => i.Id == c.InvestigationId && i.CaseId == caseId))
            .OrderBy(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync();
    }
}
