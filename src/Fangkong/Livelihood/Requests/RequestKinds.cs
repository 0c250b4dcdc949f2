namespace Fangkong.Livelihood.Requests;

/// <summary>What a resident asks for (诉求类别).</summary>
public enum RequestKind
{
    /// <summary>购药: medicine, a prescription to refill.</summary>
    Medicine,

    /// <summary>就医: medical care, a trip to hospital (opens a <see cref="Medical.MedicalTrip"/>).</summary>
    MedicalCare,

    /// <summary>生活物资: food and daily supplies.</summary>
    Supplies,

    /// <summary>特殊需求: the needs of the elderly living alone, infants, the disabled.</summary>
    SpecialNeeds,

    /// <summary>投诉工作人员: a complaint about staff.</summary>
    StaffComplaint,

    /// <summary>心理援助: psychological help.</summary>
    Psychological,

    /// <summary>其他.</summary>
    Other,
}

/// <summary>How fast the request must be answered: an emergency's clock runs in minutes.</summary>
public enum RequestUrgency
{
    Normal,

    /// <summary>A medical emergency (急危重症): minutes, <see cref="LivelihoodOptions.EmergencyMinutes"/>.</summary>
    Emergency,
}

/// <summary>Where the request came in.</summary>
public enum RequestSource
{
    /// <summary>The 12345 hotline: a CSV import or the hotline system's API, by ticket number.</summary>
    Hotline,

    /// <summary>Community staff, for a resident who phoned or knocked.</summary>
    Staff,

    /// <summary>The resident, on the public page without an account.</summary>
    Resident,
}

/// <summary>received → assigned → in progress → resolved → confirmed by the resident; or returned.</summary>
public enum RequestState
{
    Received,
    Assigned,
    InProgress,
    Resolved,
    Confirmed,

    /// <summary>退回: not a request the community can answer (wrong address, not a need), with the reason.</summary>
    Returned,
}
