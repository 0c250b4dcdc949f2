using Fangkong.Access;

namespace Fangkong.Regions;

/// <summary>
/// The number of residents registered at exactly one region code, maintained by the database
/// (triggers on <c>persons</c>, in the same transaction as every insert, move and deletion), so
/// that a subtree's population is a sum over a few thousand codes instead of a count over
/// millions of people (docs/decisions/0020-maintained-resident-counts.md). Read-only here.
/// </summary>
public sealed class ResidentCount : IRegionScoped
{
    private ResidentCount()
    {
        RegionCode = string.Empty;
    }

    public string RegionCode { get; private set; }

    public long Residents { get; private set; }
}
