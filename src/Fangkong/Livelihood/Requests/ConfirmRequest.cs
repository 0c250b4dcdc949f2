using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Livelihood.Requests;

/// <summary>
/// The resident confirms that a resolved request was answered (群众确认), on the public page: the
/// request's number and the phone it was made with. An unknown number and someone else's request
/// get the same refusal, audited, so the page tells a stranger nothing.
/// </summary>
public static class ConfirmRequest
{
    public sealed record Command(long? RequestId, string? Phone);

    /// <summary>What the resident sees: the number and the new state, nothing else.</summary>
    public sealed record Confirmed(long Id, RequestState State);

    /// <param name="db">A context made with <see cref="PublicRequest.Resident"/>.</param>
    public static async Task<Result<Confirmed>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        if (command.RequestId is not > 0)
        {
            return Error.Invalid("requestId", ErrorText.Of("error.livelihood.request-number-needed"));
        }

        var phone = PersonRowValidator.NormalisePhone(command.Phone ?? string.Empty);
        if (phone is null)
        {
            return Error.Invalid("phone", ErrorText.Of("error.livelihood.request-phone-mobile"));
        }

        var request = await db.ResidentRequests().FirstOrDefaultAsync(r => r.Id == command.RequestId, ct);
        var refused = request is null
            ? Error.Forbidden(ErrorText.Of("error.livelihood.request-confirm-own-only"))
            : request.Confirm(phone, time.GetUtcNow());
        if (refused is not null)
        {
            if (refused.Kind == ErrorKind.Forbidden)
            {
                await db.AuditBulkAsync("refused", nameof(ResidentRequest), $"confirmation of request {command.RequestId} refused: phone {Masking.Phone(phone)} is not the request's", ct);
            }

            return refused;
        }

        await db.SaveChangesAsync(ct);
        return new Confirmed(request!.Id, request.State);
    }
}
