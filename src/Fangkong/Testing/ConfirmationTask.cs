using Fangkong.Access;

namespace Fangkong.Testing;

/// <summary>
/// A nucleic-acid confirmation (核酸复核) of a positive antigen self-test: open until a single
/// tube of the person has a result, which resolves it.
/// </summary>
public sealed class ConfirmationTask : IRegionScoped
{
    private ConfirmationTask()
    {
        RegionCode = string.Empty;
    }

    public ConfirmationTask(long personId, string regionCode, long antigenReportId, DateTimeOffset createdAt)
    {
        PersonId = personId;
        RegionCode = regionCode;
        AntigenReportId = antigenReportId;
        CreatedAt = createdAt.ToUniversalTime();
        Status = ResampleStatus.Open;
    }

    public long Id { get; private set; }

    public long PersonId { get; private set; }

    public string RegionCode { get; private set; }

    public long AntigenReportId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public ResampleStatus Status { get; private set; }

    public long? TubeId { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public void Resolve(long tubeId, ResampleStatus status, DateTimeOffset at)
    {
        TubeId = tubeId;
        Status = status;
        ResolvedAt = at.ToUniversalTime();
    }
}
