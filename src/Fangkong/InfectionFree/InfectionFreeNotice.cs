using Fangkong.Access;

namespace Fangkong.InfectionFree;

/// <summary>A notice that a label was removed (摘牌通知), kept and shown on the page.</summary>
public sealed class InfectionFreeNotice : IRegionScoped
{
    public const int MessageMaxLength = 500;

    private InfectionFreeNotice()
    {
        RegionCode = string.Empty;
        Message = string.Empty;
    }

    public InfectionFreeNotice(InfectionFreeLabel label, DateOnly day, string message, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(label);
        LabelId = label.Id;
        RegionCode = label.RegionCode;
        Day = day;
        Message = message.Length > MessageMaxLength ? message[..MessageMaxLength] : message;
        At = at.ToUniversalTime();
    }

    public long Id { get; private set; }

    public long LabelId { get; private set; }

    public string RegionCode { get; private set; }

    public DateOnly Day { get; private set; }

    public string Message { get; private set; }

    public DateTimeOffset At { get; private set; }
}
