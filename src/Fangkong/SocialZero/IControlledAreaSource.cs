namespace Fangkong.SocialZero;

/// <summary>A case as the classifier sees it when it is reported.</summary>
public sealed record CaseFacts(string CaseNo, long? PersonId, string IdNumber, string RegionCode, DateOnly ReportedOn);

/// <summary>
/// Tells which new cases lived in a sealed or controlled area (封控区/管控区) on their report day.
/// Pluggable: the area designations are another capability's (<see cref="DesignatedAreaSource"/>
/// reads them); <see cref="NoControlledAreas"/> finds none.
/// </summary>
public interface IControlledAreaSource
{
    /// <summary>Case number → what area it was in, for the cases found in one.</summary>
    Task<IReadOnlyDictionary<string, string>> FindAsync(Data.FangkongDbContext db, IReadOnlyList<CaseFacts> cases, CancellationToken ct);
}

/// <summary>No area designations known: nobody is in a sealed or controlled area.</summary>
public sealed class NoControlledAreas : IControlledAreaSource
{
    public Task<IReadOnlyDictionary<string, string>> FindAsync(Data.FangkongDbContext db, IReadOnlyList<CaseFacts> cases, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
}
