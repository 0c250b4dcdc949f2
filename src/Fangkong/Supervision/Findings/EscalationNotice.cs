using Fangkong.Access;

namespace Fangkong.Supervision.Findings;

/// <summary>
/// A notice to the region above that a finding is overdue (逾期未整改督办通知). Scoped to the
/// region it is sent to, so that its officials see it in their own list; acknowledged once.
/// </summary>
public sealed class EscalationNotice : IRegionScoped
{
    public const int TextMaxLength = 1000;

    private EscalationNotice()
    {
        RegionCode = string.Empty;
        FromRegion = string.Empty;
        Text = string.Empty;
    }

    public EscalationNotice(Finding finding, string toRegion, string text, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(finding);
        FindingId = finding.Id;
        RegionCode = toRegion;
        FromRegion = finding.RegionCode;
        Level = finding.EscalationLevel;
        Text = text.Length > TextMaxLength ? text[..TextMaxLength] : text;
        CreatedAt = at.ToUniversalTime();
    }

    public long Id { get; private set; }

    public long FindingId { get; private set; }

    /// <summary>The region the notice is sent to (the one above the finding's last level).</summary>
    public string RegionCode { get; private set; }

    /// <summary>The responsible unit's region.</summary>
    public string FromRegion { get; private set; }

    /// <summary>The finding's escalation level the notice announces (1 = first level above).</summary>
    public int Level { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public bool Acknowledge(string by, DateTimeOffset at)
    {
        if (AcknowledgedAt is not null)
        {
            return false;
        }

        AcknowledgedBy = by;
        AcknowledgedAt = at.ToUniversalTime();
        return true;
    }
}
