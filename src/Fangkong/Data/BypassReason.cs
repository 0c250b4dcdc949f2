namespace Fangkong.Data;

/// <summary>
/// Why a query reads records outside the caller's jurisdiction (ADR 0003, ADR 0024). Each value is a
/// rule the product relies on; docs/architecture-rules.md lists every place that uses one.
/// </summary>
public enum BypassReason
{
    /// <summary>
    /// A resident may be swabbed, pooled or exempted at any point of a round, inside or outside their
    /// home jurisdiction: samples, tubes and exemptions are read unfiltered and the query restricts the
    /// residents (or the round) by region instead.
    /// </summary>
    SwabsTakenAnywhere,

    /// <summary>
    /// A positive pool concerns every jurisdiction where one of its members lives: its members, their
    /// control orders and resample tasks are read wherever they were recorded.
    /// </summary>
    PositivePoolMembers,

    /// <summary>
    /// A sampling point swabs whoever comes: earlier scans of the same device, tubes by barcode and
    /// residents by document number are looked up across jurisdictions.
    /// </summary>
    SamplingPointScan,

    /// <summary>
    /// A name or barcode that is not personal data (quarantine site, room, bed, organisation, tube)
    /// shown next to a record of the caller's, though it lies in another jurisdiction.
    /// </summary>
    ReferenceName,

    /// <summary>A pass issued in another jurisdiction may be valid here (a city-wide pass at a county checkpoint).</summary>
    PassValidEverywhere,

    /// <summary>A unit's quota of active passes counts its passes in every jurisdiction.</summary>
    OrganisationPassQuota,

    /// <summary>The public area-status page answers anonymous residents about any compound or community.</summary>
    PublicAreaStatus,

    /// <summary>
    /// A number that is unique in the whole database (case number, contact number, plate, classified case)
    /// is checked against records the caller cannot see, so that a duplicate is refused, not stored.
    /// </summary>
    UniqueNumber,

    /// <summary>
    /// Social-level zero: a case is "under control" when it was a known contact or a closed-loop member,
    /// wherever that was recorded.
    /// </summary>
    CaseClassification,

    /// <summary>The CLI benchmark counts every row it wrote, to check the import stored them all.</summary>
    BenchmarkCount,
}
