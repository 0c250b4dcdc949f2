namespace Fangkong.Quarantine;

/// <summary>
/// 集中隔离点 (hotel or other building) with rooms, 方舱医院 with care units of beds, or 定点医院
/// with wards of beds. Rooms exist only in quarantine sites and beds only in hospitals, so that a
/// contact (room) and a case (bed) never share a building.
/// </summary>
public enum SiteKind
{
    Hotel,
    Other,
    ShelterHospital,
    DesignatedHospital,
}

/// <summary>A floor of a quarantine site, a care unit of a shelter hospital (20 beds), or a ward of a designated hospital.</summary>
public enum SectionKind
{
    Floor,
    CareUnit,
    Ward,
}

/// <summary>单人间, 多人间 (only a carer with declared dependants shares one), 无障碍间.</summary>
public enum RoomKind
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "单人间: the domain's word, not a type name.")]
    Single,
    Multi,
    Accessible,
}

/// <summary>
/// The turnover of a room or bed: available → occupied → (release) awaiting terminal disinfection
/// → available; out of service apart. The time of the last change is kept to measure turnover.
/// </summary>
public enum SpaceState
{
    Available,
    Occupied,
    AwaitingDisinfection,
    OutOfService,
}

/// <summary>Who a placement is for; contacts go to rooms, cases to beds.</summary>
public enum OccupantKind
{
    /// <summary>密接.</summary>
    CloseContact,

    /// <summary>次密接 (whose order says central quarantine).</summary>
    SecondaryContact,

    /// <summary>混管阳性人员 sent to central quarantine by the command centre.</summary>
    PositivePoolMember,

    /// <summary>确诊病例 or 无症状感染者 (a bed by severity).</summary>
    Case,
}

/// <summary>Placed (room or bed reserved, on the way), checked in, released, or cancelled (never arrived, or moved before arriving).</summary>
public enum PlacementState
{
    Placed,
    CheckedIn,
    Released,
    Cancelled,
}

/// <summary>Why a dependant shares a room with a carer.</summary>
public enum DependantReason
{
    /// <summary>A minor child.</summary>
    Child,

    /// <summary>A person who cannot look after themselves (elderly, disabled, ill).</summary>
    NeedsCare,
}

/// <summary>Which of the people a room group belongs to: close and secondary contacts and pool members never share a floor.</summary>
public static class OccupantKinds
{
    /// <summary>True for the kinds that go to quarantine rooms rather than hospital beds.</summary>
    public static bool TakesRoom(this OccupantKind kind) => kind != OccupantKind.Case;

    /// <summary>True for the sites that hold rooms.</summary>
    public static bool HasRooms(this SiteKind kind) => kind is SiteKind.Hotel or SiteKind.Other;

    /// <summary>The section kind a site is divided into.</summary>
    public static SectionKind SectionKindOf(this SiteKind kind) => kind switch
    {
        SiteKind.ShelterHospital => SectionKind.CareUnit,
        SiteKind.DesignatedHospital => SectionKind.Ward,
        _ => SectionKind.Floor,
    };
}
