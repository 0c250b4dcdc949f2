using Fangkong.Access;

namespace Fangkong.Testing;

/// <summary>
/// A resident's antigen self-test (抗原自测) as reported to the community. A positive one opens a
/// nucleic-acid confirmation task (<see cref="ConfirmationTask"/>).
/// </summary>
public sealed class AntigenReport : IRegionScoped
{
    private AntigenReport()
    {
        RegionCode = string.Empty;
        ReportedBy = string.Empty;
    }

    public AntigenReport(long personId, string regionCode, TestResult result, DateTimeOffset testedAt, DateTimeOffset reportedAt, string reportedBy)
    {
        PersonId = personId;
        RegionCode = regionCode;
        Result = result;
        TestedAt = testedAt.ToUniversalTime();
        ReportedAt = reportedAt.ToUniversalTime();
        ReportedBy = reportedBy;
    }

    public long Id { get; private set; }

    public long PersonId { get; private set; }

    public string RegionCode { get; private set; }

    public TestResult Result { get; private set; }

    public DateTimeOffset TestedAt { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    public string ReportedBy { get; private set; }
}
