using Fangkong.Common;

namespace Fangkong.Livelihood.Requests;

/// <summary>
/// When a request is due: a medical emergency within <see cref="LivelihoodOptions.EmergencyMinutes"/>;
/// anything else by the end of the China day it came in (事不过夜), or at noon the next day when it
/// came in after <see cref="LivelihoodOptions.LateHour"/>.
/// </summary>
public static class RequestClock
{
    public static DateTimeOffset DueAt(RequestUrgency urgency, DateTimeOffset receivedAt, LivelihoodOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (urgency == RequestUrgency.Emergency)
        {
            return receivedAt.ToUniversalTime().AddMinutes(options.EmergencyMinutes);
        }

        var day = ChinaTime.DayOf(receivedAt);
        var local = receivedAt.ToOffset(ChinaTime.Offset);
        return local.Hour >= options.LateHour
            ? ChinaTime.StartOf(day.AddDays(1)).AddHours(12)
            : ChinaTime.StartOf(day.AddDays(1));
    }

    /// <summary>How long an overdue request waits at a level before it moves one more level up.</summary>
    public static TimeSpan EscalationPeriod(RequestUrgency urgency, LivelihoodOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return urgency == RequestUrgency.Emergency ? TimeSpan.FromMinutes(options.EmergencyMinutes) : TimeSpan.FromHours(12);
    }
}
