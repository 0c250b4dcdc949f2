using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Quarantine;

/// <summary>
/// 陪护: a dependant (a child, or a person needing care) who is to share a room with a carer.
/// Both must be of the same occupant kind (close contacts with close contacts, …; never with a
/// case); the ids are subject keys of that kind (see <see cref="PlacementSubject.Key"/>: contact
/// id for contacts, person id for pool members). A carer may have several dependants; a
/// dependant has one carer.
/// </summary>
public sealed class DependantDeclaration : IRegionScoped
{
    private DependantDeclaration()
    {
        RegionCode = string.Empty;
        DeclaredBy = string.Empty;
    }

    public long Id { get; private set; }

    /// <summary>The carer's home region.</summary>
    public string RegionCode { get; private set; }

    public OccupantKind Kind { get; private set; }

    public long DependantKey { get; private set; }

    public long CarerKey { get; private set; }

    public DependantReason Reason { get; private set; }

    public string DeclaredBy { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }

    public static Result<DependantDeclaration> Create(
        OccupantKind kind, long dependantKey, long carerKey, string regionCode, DependantReason reason, string by, DateTimeOffset at)
    {
        if (!kind.TakesRoom())
        {
            return Error.Invalid("kind", ErrorText.Of("error.quarantine.case-shares-no-room-dependants"));
        }

        if (dependantKey <= 0 || carerKey <= 0 || dependantKey == carerKey)
        {
            return Error.Invalid("carer", ErrorText.Of("error.quarantine.dependant-carer-two-different-people"));
        }

        return new DependantDeclaration
        {
            Kind = kind,
            DependantKey = dependantKey,
            CarerKey = carerKey,
            RegionCode = regionCode,
            Reason = reason,
            DeclaredBy = by,
            DeclaredAt = at.ToUniversalTime(),
        };
    }
}
