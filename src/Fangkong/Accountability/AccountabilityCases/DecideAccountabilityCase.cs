using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Accountability;

/// <summary>Records the decision on a draft case (deciding body and date); the case is frozen from then on.</summary>
public static class DecideAccountabilityCase
{
    public sealed record Command(string? DecidingBody, DateOnly? DecidedOn);

    public static async Task<Result<SaveAccountabilityCase.Saved>> HandleAsync(FangkongDbContext db, TimeProvider time, long id, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        var body = command.DecidingBody?.Trim() ?? string.Empty;
        if (body.Length is 0 or > AccountabilityCase.DecidingBodyMaxLength)
        {
            return Error.Invalid("decidingBody", ErrorText.Of("error.accountability.deciding-body-needs-characters", AccountabilityCase.DecidingBodyMaxLength));
        }

        var now = time.GetUtcNow();
        if (command.DecidedOn is not { } on)
        {
            return Error.Invalid("decidedOn", ErrorText.Of("error.accountability.date-decision-needed"));
        }

        if (on > ChinaTime.Today(time))
        {
            return Error.Invalid("decidedOn", ErrorText.Of("error.accountability.decision-cannot-dated-future", on));
        }

        var @case = await db.AccountabilityCases.Include(c => c.Officials).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return SaveAccountabilityCase.NotFound(id);
        }

        if (@case.Status == AccountabilityStatus.Draft && PublishableText.CheckDecidable(@case) is { } unpublishable)
        {
            return unpublishable;
        }

        if (@case.Decide(body, on, db.Jurisdiction.UserName, now) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(ct);
        return new SaveAccountabilityCase.Saved(@case.Id, @case.Status);
    }
}
