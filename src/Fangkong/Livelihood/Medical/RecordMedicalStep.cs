using Fangkong.Common;
using Fangkong.Common.Input;
using Fangkong.Data;
using Fangkong.Livelihood.Requests;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Livelihood.Medical;

/// <summary>The steps of a trip: dispatch (with the vehicle), arrive, admit; or hold for / release from a test result.</summary>
public static class RecordMedicalStep
{
    public enum Step
    {
        Dispatch,
        Arrive,
        Admit,
        Hold,
        Release,
    }

    public sealed record Command(Step? Step, string? Vehicle = null, [Happened] DateTimeOffset? At = null);

    public static async Task<Result<MedicalTripView.Row>> HandleAsync(FangkongDbContext db, TimeProvider time, long id, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        var now = time.GetUtcNow();
        var at = command.At ?? now;
        if (at > now + TimeSpan.FromMinutes(5))
        {
            return Error.Invalid("at", ErrorText.Of("error.livelihood.medical-time-future"));
        }

        var trip = await db.MedicalTrips().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (trip is null)
        {
            return Error.NotFound(ErrorText.Of("error.livelihood.medical-trip-not-found", id));
        }

        var refused = command.Step switch
        {
            Step.Dispatch => trip.Dispatch(command.Vehicle, at),
            Step.Arrive => trip.Arrive(at),
            Step.Admit => trip.Admit(at),
            Step.Hold => trip.HoldForTest(),
            Step.Release => trip.ReleaseHold(),
            _ => Error.Invalid("step", ErrorText.Of("error.livelihood.medical-step-unknown")),
        };
        if (refused is not null)
        {
            return refused;
        }

        await db.SaveChangesAsync(ct);
        var request = await db.ResidentRequests().AsNoTracking().FirstAsync(r => r.Id == trip.RequestId, ct);
        return MedicalTripView.RowOf(trip, request, db.Jurisdiction, now);
    }
}
