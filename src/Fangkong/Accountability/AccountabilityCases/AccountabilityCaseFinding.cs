using Fangkong.Access;

namespace Fangkong.Accountability;

/// <summary>A supervision finding (问题) the case answers for.</summary>
public sealed class AccountabilityCaseFinding : IRegionScoped
{
    private AccountabilityCaseFinding() => RegionCode = string.Empty;

    internal AccountabilityCaseFinding(AccountabilityCase owner, long findingId)
    {
        RegionCode = owner.RegionCode;
        FindingId = findingId;
    }

    public long Id { get; private set; }

    public long CaseId { get; private set; }

    public string RegionCode { get; private set; }

    public long FindingId { get; private set; }
}
