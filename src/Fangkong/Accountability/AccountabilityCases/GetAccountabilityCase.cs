using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Accountability;

/// <summary>One accountability case with its officials, measures and linked findings. Reading it is audited: it names people.</summary>
public static class GetAccountabilityCase
{
    public sealed record Measure(SanctionMeasure Code, string Zh, string En, SanctionFamily Family);

    public sealed record Official(
        long Id, int Position, string Name, string Unit, string Post, string? Region, ResponsibilityKind Responsibility, string ResponsibilityZh,
        string? ResponsibilityNote, IReadOnlyList<Measure> Measures, string? Qualifier, bool StateResponsibility);

    public sealed record View(
        long Id, string RegionCode, string Title, string Facts, string? Consequence, DateOnly? IncidentDate, string? IncidentLinks,
        AccountabilityStatus Status, string? DecidingBody, DateOnly? DecidedOn, string? DecidedBy, DateTimeOffset? DecidedAt,
        string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<Official> Officials, IReadOnlyList<long> FindingIds,
        string? Failings, bool NameFirstOnly);

    public static async Task<Result<View>> HandleAsync(FangkongDbContext db, long id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var @case = await db.AccountabilityCases.AsNoTracking().Include(c => c.Officials).Include(c => c.Findings).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return SaveAccountabilityCase.NotFound(id);
        }

        await db.AuditReadAsync(nameof(AccountabilityCase), id.ToString(CultureInfo.InvariantCulture), @case.RegionCode, ct);
        return ToView(@case);
    }

    internal static View ToView(AccountabilityCase c) => new(
        c.Id, c.RegionCode, c.Title, c.Facts, c.Consequence, c.IncidentDate, c.IncidentLinks, c.Status, c.DecidingBody, c.DecidedOn, c.DecidedBy,
        c.DecidedAt, c.CreatedBy, c.CreatedAt, c.UpdatedAt,
        [.. c.Officials.OrderBy(o => o.Position).Select(o => new Official(
            o.Id, o.Position, o.Name, o.Unit, o.Post, o.OfficialRegion, o.Responsibility, ResponsibilityKinds.Zh(o.Responsibility), o.ResponsibilityNote,
            [.. o.MeasureList.Select(m => SanctionCatalogue.Of(m)).Select(s => new Measure(s.Measure, s.Zh, s.En, s.Family))], o.Qualifier, o.StateResponsibility))],
        [.. c.Findings.Select(f => f.FindingId).Order()], c.Failings, c.NameFirstOnly);
}
