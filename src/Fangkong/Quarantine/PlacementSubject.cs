using Fangkong.Cases;

namespace Fangkong.Quarantine;

/// <summary>
/// Who is to be placed: a contact (by contact id), a pool member (by person id) or a case (by
/// case id, with its severity; none for an asymptomatic infection), with the person's home
/// region (the placement's jurisdiction), the resident record when known, and when the need arose.
/// </summary>
public sealed record PlacementSubject(
    OccupantKind Kind,
    long? PersonId,
    long? ContactId,
    long? CaseId,
    string Name,
    string RegionCode,
    Severity? Severity,
    DateTimeOffset IdentifiedAt)
{
    /// <summary>
    /// The id that names the subject within its kind: contact id for contacts, person id for pool
    /// members, case id for cases. Dependant declarations and the allocation's bookkeeping use it.
    /// </summary>
    public long Key => Kind switch
    {
        OccupantKind.CloseContact or OccupantKind.SecondaryContact => ContactId ?? 0,
        OccupantKind.PositivePoolMember => PersonId ?? 0,
        _ => CaseId ?? 0,
    };

    /// <summary>Asymptomatic and mild go to a shelter hospital; moderate and worse to a designated hospital.</summary>
    public static SiteKind HospitalFor(Severity? severity) =>
        severity is null or Cases.Severity.Mild ? SiteKind.ShelterHospital : SiteKind.DesignatedHospital;
}
