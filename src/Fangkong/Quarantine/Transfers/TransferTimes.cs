using Fangkong.Common;

namespace Fangkong.Quarantine.Transfers;

/// <summary>The time of a transfer step: given by the crew's device (it may sync late) or now; never in the future, never before the step before.</summary>
internal static class TransferTimes
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public static Result<DateTimeOffset> Resolve(DateTimeOffset? given, DateTimeOffset? previous, DateTimeOffset now, string field)
    {
        var at = given ?? now;
        if (at > now + Skew)
        {
            return Error.Invalid(field, ErrorText.Of("error.quarantine.time-future"));
        }

        if (previous is { } before && at < before)
        {
            return Error.Invalid(field, ErrorText.Of("error.quarantine.time-before-previous-step", ChinaTime.Format(before)));
        }

        return at.ToUniversalTime();
    }
}
